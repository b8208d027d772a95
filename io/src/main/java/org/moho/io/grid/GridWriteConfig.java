package org.moho.io.grid;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code grid.write}. */
public record GridWriteConfig(
    @Doc("Output file; {name} is replaced by the source grid's file name without its extension")
    Path path,
    @Doc("auto (by extension: .asc = esri, anything else = netcdf), netcdf (netCDF-3 classic, CF/COARDS) or esri")
    @Default("auto") GridFormat format,
    @Doc("Title attribute of a netCDF file")
    @Default("Moho grid") String title) {

  public GridWriteConfig {
    ConfigException.check(format != GridFormat.XYZ, "format", "must be auto, netcdf or esri (xyz is read-only), got xyz");
  }

  /** The destination of the tiles of grid {@code source} under path template {@code template}. */
  static String destination(String template, String source) {
    String file = Path.of(source).getFileName().toString();
    int dot = file.lastIndexOf('.');
    String name = dot > 0 ? file.substring(0, dot) : file;
    return template.replace("{name}", name);
  }

  static GridFormat formatOf(GridFormat format, String destination) {
    if (format != GridFormat.AUTO) return format;
    return destination.toLowerCase(java.util.Locale.ROOT).endsWith(".asc") ? GridFormat.ESRI : GridFormat.NETCDF;
  }
}
