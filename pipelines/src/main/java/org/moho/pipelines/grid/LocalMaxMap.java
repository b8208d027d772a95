package org.moho.pipelines.grid;

import org.moho.core.data.GridTile;

/**
 * The scaling map of Valentine, Kalnins &amp; Trampert (2013): at each node the maximum |z| of
 * the valid nodes within {@code radiusKm}, then low-passed with a Gaussian of full width
 * {@code smoothKm} (normalised convolution). Both steps crop the tile by their reach, so the map
 * is exact wherever it is defined.
 */
public final class LocalMaxMap {
  private LocalMaxMap() {}

  /** Nodes of halo the map consumes (the patch itself needs its own reach on top). */
  public static int reach(GridTile tile, double radiusKm, double smoothKm) {
    return TileConvolution.reach(tile, disk(radiusKm), WidthUnits.KM)
        + TileConvolution.reach(tile, new GaussianKernel(smoothKm), WidthUnits.KM);
  }

  public static GridTile of(GridTile tile, double radiusKm, double smoothKm) {
    return TileConvolution.lowPass(maxAbs(tile, radiusKm), new GaussianKernel(smoothKm), WidthUnits.KM);
  }

  static GridTile maxAbs(GridTile tile, double radiusKm) {
    RadialKernel d = disk(radiusKm);
    int m = TileConvolution.reach(tile, d, WidthUnits.KM);
    if (m > tile.halo()) throw new HaloTooSmallException(tile, m, "a local maximum over " + radiusKm + " km");
    int nx = tile.nx() - 2 * m;
    int ny = tile.ny() - 2 * m;
    float[] out = new float[nx * ny];
    double sy = TileConvolution.stepY(tile, WidthUnits.KM);
    int ry = (int) Math.floor(radiusKm / sy + 1e-9);
    for (int j = 0; j < ny; j++) {
      int tj = j + m;
      double sx = TileConvolution.stepX(tile, WidthUnits.KM, tile.y(tj));
      int rx = (int) Math.floor(radiusKm / sx + 1e-9);
      for (int i = 0; i < nx; i++) {
        int ti = i + m;
        float best = Float.NaN;
        for (int dj = -ry; dj <= ry; dj++) {
          for (int di = -rx; di <= rx; di++) {
            if (Math.hypot(di * sx, dj * sy) > radiusKm) continue;
            float v = Math.abs(tile.at(ti + di, tj + dj));
            if (!Float.isNaN(v) && !(v <= best)) best = v;
          }
        }
        out[j * nx + i] = best;
      }
    }
    return TileConvolution.crop(tile, m, out);
  }

  private static RadialKernel disk(double radiusKm) {
    return new RadialKernel() {
      private static final long serialVersionUID = 1L;

      @Override
      public double weight(double r) {
        return r <= radiusKm ? 1 : 0;
      }

      @Override
      public double radius() {
        return radiusKm;
      }
    };
  }
}
