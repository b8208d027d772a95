package org.moho.io.grid;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * How {@code grid.read} opens and tiles a file: the serializable part of {@link GridReadConfig}
 * (workers get this, not the config, whose {@link Path} is not serializable).
 */
record GridReadOptions(GridFormat format, String variable, int tileSize, int halo, String longitudes, ZUnits units)
    implements Serializable {

  static GridReadOptions of(GridReadConfig c) {
    return new GridReadOptions(c.format(), c.variable(), c.tileSize(), c.halo(), c.longitudes(), c.units());
  }

  /** Opens the grid with the format, variable, longitudes and units asked for. */
  AdjustedGridFile open(String path) throws IOException {
    GridFile f = format.open(Path.of(path), variable);
    try {
      return AdjustedGridFile.of(f, longitudes, units);
    } catch (IOException | RuntimeException e) {
      f.close();
      throw e;
    }
  }
}
