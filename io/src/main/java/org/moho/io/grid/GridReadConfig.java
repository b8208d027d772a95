package org.moho.io.grid;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code grid.read}. */
public record GridReadConfig(
    @Doc("Grid file: netCDF (.nc; netCDF-3 classic or netCDF-4), ESRI ASCII (.asc) or XYZ text (lon lat z)")
    Path path,
    @Doc("File format; auto = by the file's magic bytes, then its extension (.asc = esri, other text = xyz)")
    @Default("auto") GridFormat format,
    @Doc("netCDF variable holding the values; by default z, else the file's only 2-D variable")
    @Default(Default.NONE) String variable,
    @Doc("Interior nodes per tile side (tiles at the east and north edges are smaller)")
    @Default("256") int tileSize,
    @Doc("Nodes copied from the neighbours around each tile, NaN beyond the grid's edge")
    @Default("16") int halo,
    @Doc("Longitude range: keep, 180 (-180..180) or 360 (0..360); the grid moves by 360 degrees as a whole")
    @Default("keep") String longitudes,
    @Doc("Units of the values: keep, m or km (converted from the z variable's units attribute)")
    @Default("keep") ZUnits units) {

  public GridReadConfig {
    ConfigException.check(tileSize > 0, "tile_size", "must be > 0, got " + tileSize);
    ConfigException.check(halo >= 0, "halo", "must be >= 0, got " + halo);
    ConfigException.check(halo <= tileSize, "halo", "must be <= tile_size (" + tileSize + "), got " + halo);
    ConfigException.check(longitudes.equals("keep") || longitudes.equals("180") || longitudes.equals("360"),
        "longitudes", "must be keep, 180 or 360, got '" + longitudes + "'");
  }
}
