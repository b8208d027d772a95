package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The contract the grid fuzz targets check: opening any bytes as a grid and reading it band by
 * band either works (every band has {@code nx x rows} values) or throws {@link IOException} (a
 * {@link org.moho.io.netcdf.NetcdfFormatException} is one), which grid.read turns into an error
 * record. Anything else escaping, including running out of memory on a header's claims, is a bug.
 * Bands are at most {@value #BAND_VALUES} values, as grid.read reads them.
 */
final class GridFuzzing {
  static final int BAND_VALUES = 1 << 16;

  private GridFuzzing() {}

  /** One file per JVM, rewritten for every input. */
  static Path file(String suffix) {
    try {
      Path dir = Files.createTempDirectory("moho-grid-fuzz");
      return dir.resolve("input" + suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void check(Path file, byte[] bytes, GridFormat format) throws IOException {
    Files.write(file, bytes);
    GridFile g;
    try {
      g = format.open(file, null);
    } catch (IOException expected) {
      return;
    }
    try (g) {
      GridHeader h = g.header();
      int rows = Math.max(1, BAND_VALUES / h.nx());
      for (int r = 0; r < h.ny(); r += rows) {
        int n = Math.min(rows, h.ny() - r);
        assertEquals((long) h.nx() * n, g.readRows(r, n).length);
      }
    } catch (IOException expected) {
      // a clean, documented error: grid.read reports it as an error record
    }
  }
}
