package org.moho.io.grid;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open grid file read a band of rows at a time, so that no caller needs the whole grid in
 * memory. Rows are numbered south→north whatever order the file stores them in.
 */
public interface GridFile extends Closeable {
  GridHeader header();

  /**
   * Rows {@code row0 .. row0+rows-1} (south→north), each of {@code nx} values west→east, as
   * stored values with scale, offset and missing values applied (NaN = no data).
   */
  default float[] readRows(int row0, int rows) throws IOException {
    return readRows(row0, rows, 1);
  }

  /**
   * The same rows with each value multiplied by {@code factor} (a units conversion) in double
   * precision before rounding to float, so that e.g. -5001 × 0.001 km × 1000 is exactly -5001 m.
   */
  float[] readRows(int row0, int rows, double factor) throws IOException;

  /** Rejects a band outside the grid; for implementations. */
  static void checkBand(GridHeader h, int row0, int rows) {
    if (row0 < 0 || rows < 0 || row0 + rows > h.ny()) {
      throw new IllegalArgumentException("rows " + row0 + ".." + (row0 + rows - 1) + " outside 0.." + (h.ny() - 1));
    }
  }
}
