package org.moho.pipelines.grid;

import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;

/**
 * Normalised convolution of a tile with a radial kernel: at each node the weighted mean of the
 * valid (non-NaN) nodes within the kernel's radius, the weights renormalised over those nodes, so
 * that holes and the grid's edge (NaN halo) bias nothing; a NaN node stays NaN.
 *
 * <p>The result covers only the nodes whose whole filter circle lies in the tile: the tile is
 * cropped by a margin equal to the kernel's reach in nodes, which is taken from the halo. Its halo
 * shrinks by that margin, so a tile whose halo is smaller than the reach is refused (a config
 * problem: the grid reader's {@code halo} or the filter's width must change).
 *
 * <p>Distances: in {@link WidthUnits#NODES} one node is one unit in x and y; in {@link WidthUnits#KM}
 * the x step at output row j is {@code dx * 111.195 * cos(lat_j)} km and the y step
 * {@code dy * 111.195} km, and each input node is weighted by its cell's area, as GMT's
 * {@code grdfilter -D3} does ({@link #areaWeights}). Written by hand rather than with an FFT
 * because the kernel changes with latitude and the weights are renormalised node by node.
 */
public final class TileConvolution {
  private TileConvolution() {}

  /** How far (in nodes, the larger of x and y) the kernel reaches on this tile. */
  public static int reach(GridTile tile, RadialKernel kernel, WidthUnits units) {
    int reachY = (int) Math.floor(kernel.radius() / stepY(tile, units) + 1e-9);
    int reachX = 0;
    for (int j = 0; j < tile.ny(); j++) {
      reachX = Math.max(reachX, (int) Math.floor(kernel.radius() / stepX(tile, units, tile.y(j)) + 1e-9));
    }
    return Math.max(reachX, reachY);
  }

  static double stepX(GridTile tile, WidthUnits units, double lat) {
    return units == WidthUnits.NODES ? 1.0 : Math.max(1e-9, Earth.lonKm(Math.abs(tile.dx()), lat));
  }

  static double stepY(GridTile tile, WidthUnits units) {
    return units == WidthUnits.NODES ? 1.0 : Math.abs(tile.dy()) * Earth.KM_PER_DEGREE;
  }

  /**
   * The low-passed tile, cropped by {@link #reach}; throws {@link HaloTooSmallException} when the
   * tile's halo is smaller than the reach.
   */
  public static GridTile lowPass(GridTile tile, RadialKernel kernel, WidthUnits units) {
    int m = reach(tile, kernel, units);
    if (m > tile.halo()) throw new HaloTooSmallException(tile, m, describe(kernel, units));
    int nx = tile.nx() - 2 * m;
    int ny = tile.ny() - 2 * m;
    float[] out = new float[Math.max(0, nx) * Math.max(0, ny)];
    double sy = stepY(tile, units);
    int ry = (int) Math.floor(kernel.radius() / sy + 1e-9);
    double[] rowArea = new double[tile.ny()];
    double[] colArea = new double[tile.nx()];
    areaWeights(tile, units, rowArea, colArea);
    for (int j = 0; j < ny; j++) {
      int tj = j + m;
      double sx = stepX(tile, units, tile.y(tj));
      int rx = (int) Math.floor(kernel.radius() / sx + 1e-9);
      double[] w = weights(kernel, rx, ry, sx, sy);
      int wn = 2 * rx + 1;
      for (int i = 0; i < nx; i++) {
        int ti = i + m;
        float centre = tile.at(ti, tj);
        if (Float.isNaN(centre)) {
          out[j * nx + i] = Float.NaN;
          continue;
        }
        double num = 0;
        double den = 0;
        for (int dj = -ry; dj <= ry; dj++) {
          int row = (tj + dj) * tile.nx();
          int wrow = (dj + ry) * wn + rx;
          double ra = rowArea[tj + dj];
          for (int di = -rx; di <= rx; di++) {
            double wt = w[wrow + di] * ra * colArea[ti + di];
            if (wt == 0) continue;
            float v = tile.values()[row + ti + di];
            if (!Float.isNaN(v)) {
              num += wt * v;
              den += wt;
            }
          }
        }
        out[j * nx + i] = Math.abs(den) > 1e-12 ? (float) (num / den) : Float.NaN;
      }
    }
    return crop(tile, m, out);
  }

  /**
   * Area weights of the input nodes, as GMT's grdfilter applies them to geographic grids: a node
   * stands for a cell whose area is proportional to cos(latitude), and a gridline-registered grid's
   * first and last columns for half a cell. Cartesian (node-unit) filtering weighs all nodes alike.
   */
  static void areaWeights(GridTile tile, WidthUnits units, double[] rowArea, double[] colArea) {
    boolean geographic = units == WidthUnits.KM;
    for (int j = 0; j < rowArea.length; j++) rowArea[j] = geographic ? Math.cos(Math.toRadians(tile.y(j))) : 1.0;
    for (int i = 0; i < colArea.length; i++) {
      int gi = tile.col0() + i;
      boolean edge = tile.registration() == Registration.GRIDLINE && (gi == 0 || gi == tile.gridNx() - 1);
      colArea[i] = geographic && edge ? 0.5 : 1.0;
    }
  }

  /** The tile cropped by {@code m} nodes on every side, with {@code values} as its new values. */
  static GridTile crop(GridTile tile, int m, float[] values) {
    return new GridTile(tile.source(), tile.units(), tile.registration(), tile.gridNx(), tile.gridNy(),
        tile.col0() + m, tile.row0() + m, tile.nx() - 2 * m, tile.ny() - 2 * m, tile.halo() - m,
        tile.x(m), tile.y(m), tile.dx(), tile.dy(), values);
  }

  private static double[] weights(RadialKernel kernel, int rx, int ry, double sx, double sy) {
    int wn = 2 * rx + 1;
    double[] w = new double[wn * (2 * ry + 1)];
    for (int dj = -ry; dj <= ry; dj++) {
      for (int di = -rx; di <= rx; di++) {
        double r = Math.hypot(di * sx, dj * sy);
        w[(dj + ry) * wn + di + rx] = r <= kernel.radius() ? kernel.weight(r) : 0;
      }
    }
    return w;
  }

  static String describe(RadialKernel kernel, WidthUnits units) {
    String u = units == WidthUnits.KM ? " km" : " nodes";
    if (kernel instanceof GaussianKernel g) return "a Gaussian of width " + g.width() + u;
    if (kernel instanceof ButterworthKernel b) return "a Butterworth of cutoff wavelength " + b.radius() + u;
    return "a filter of radius " + kernel.radius() + u;
  }
}
