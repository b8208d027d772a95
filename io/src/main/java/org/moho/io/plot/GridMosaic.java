package org.moho.io.plot;

import org.moho.core.data.GridTile;

/**
 * Puts a grid's tiles back together by their global indices (GridTile's {@code col0,row0} plus
 * the halo; only interior nodes are used, so halos are never counted twice) into a raster no
 * larger than the pixels that will show it. A grid larger than {@code maxCols x maxRows} is
 * decimated by averaging the nodes that fall in each raster cell (a box filter: no aliasing, no
 * node skipped); NaN nodes are left out of the mean and a cell with no data stays NaN. Memory is
 * bounded by the raster, not the grid, so a global grid plots in the same space as a small one.
 */
final class GridMosaic {
  /**
   * The assembled raster: {@code values[r * cols + c]}, row 0 at the south; cell (c, r) covers
   * {@code west + c*(east-west)/cols ..} and likewise for latitude. {@code stride} is how many grid
   * nodes along x and y went into one cell (1 = full resolution).
   */
  record Raster(int cols, int rows, double west, double east, double south, double north,
                int strideX, int strideY, float[] values, String units, String source) {
    float at(int c, int r) {
      return values[r * cols + c];
    }
  }

  private final int gridNx;
  private final int gridNy;
  private final double dx;
  private final double dy;
  private final double originX; // coordinate of global node (0, 0)
  private final double originY;
  private final int cols;
  private final int rows;
  private final double[] sum;
  private final int[] count;
  private final String units;
  private final String source;

  GridMosaic(GridTile first, int maxCols, int maxRows) {
    this.gridNx = first.gridNx();
    this.gridNy = first.gridNy();
    this.dx = first.dx();
    this.dy = first.dy();
    this.originX = first.x0() - first.col0() * dx;
    this.originY = first.y0() - first.row0() * dy;
    this.cols = Math.min(gridNx, Math.max(1, maxCols));
    this.rows = Math.min(gridNy, Math.max(1, maxRows));
    this.sum = new double[cols * rows];
    this.count = new int[cols * rows];
    this.units = first.units();
    this.source = first.source();
  }

  /** Adds a tile's interior nodes; a tile of another grid (size, spacing or origin) is refused. */
  GridMosaic add(GridTile t) {
    double tol = 1e-6 * Math.abs(dx);
    if (t.gridNx() != gridNx || t.gridNy() != gridNy || Math.abs(t.dx() - dx) > tol || Math.abs(t.dy() - dy) > tol
        || Math.abs(t.x0() - t.col0() * t.dx() - originX) > tol || Math.abs(t.y0() - t.row0() * t.dy() - originY) > tol) {
      throw new IllegalArgumentException("tile " + t.key() + " is not part of the grid of " + source + " (" + gridNx + "x"
          + gridNy + " nodes, spacing " + dx + "x" + dy + "): a map shows one grid");
    }
    for (int j = t.halo(); j < t.ny() - t.halo(); j++) {
      int row = t.row0() + j;
      if (row < 0 || row >= gridNy) continue;
      int r = (int) ((long) row * rows / gridNy);
      for (int i = t.halo(); i < t.nx() - t.halo(); i++) {
        int col = t.col0() + i;
        if (col < 0 || col >= gridNx) continue;
        float v = t.at(i, j);
        if (Float.isNaN(v)) continue;
        int cell = r * cols + (int) ((long) col * cols / gridNx);
        sum[cell] += v;
        count[cell]++;
      }
    }
    return this;
  }

  /** The raster; each node's cell is centred on it, so the extent reaches half a spacing past the outer nodes. */
  Raster raster() {
    float[] values = new float[cols * rows];
    for (int k = 0; k < values.length; k++) values[k] = count[k] == 0 ? Float.NaN : (float) (sum[k] / count[k]);
    double west = originX - dx / 2;
    double south = originY - dy / 2;
    return new Raster(cols, rows, west, west + gridNx * dx, south, south + gridNy * dy,
        (int) Math.ceil((double) gridNx / cols), (int) Math.ceil((double) gridNy / rows), values, units, source);
  }
}
