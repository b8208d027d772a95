package org.moho.io.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The grid file formats; {@code AUTO} decides by the file's magic bytes, then its extension. */
public enum GridFormat {
  AUTO,
  NETCDF,
  ESRI,
  XYZ;

  /** The concrete format of {@code path} (for AUTO: netCDF magic, else .asc → ESRI, else XYZ). */
  public GridFormat resolve(Path path) throws IOException {
    if (this != AUTO) return this;
    byte[] head = new byte[4];
    int n = 0;
    if (Files.isRegularFile(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, 4);
      }
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n == 4 && ((head[0] == 'C' && head[1] == 'D' && head[2] == 'F') || (head[1] == 'H' && head[2] == 'D' && head[3] == 'F'))) return NETCDF;
    if (name.endsWith(".nc") || name.endsWith(".grd") || name.endsWith(".cdf")) return NETCDF;
    if (name.endsWith(".asc")) return ESRI;
    return XYZ;
  }

  /**
   * Opens {@code path} as this format ({@code variable}: the netCDF z variable, null = auto). A
   * file whose bytes do not make a grid throws {@link IOException}, whatever the format.
   */
  public GridFile open(Path path, String variable) throws IOException {
    try {
      return switch (resolve(path)) {
        case NETCDF -> NetcdfGridFile.open(path, variable);
        case ESRI -> EsriAsciiGridFile.open(path);
        default -> XyzGridFile.open(path);
      };
    } catch (IllegalArgumentException e) {
      // a header GridHeader refuses (zero spacing, no nodes): found by NetcdfClassicFuzzTest
      throw new IOException(path.getFileName() + ": not a usable grid: " + e.getMessage(), e);
    }
  }
}
