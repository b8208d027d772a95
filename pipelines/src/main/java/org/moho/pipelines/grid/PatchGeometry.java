package org.moho.pipelines.grid;

import java.io.Serializable;
import org.moho.core.data.GridTile;

/**
 * Where the {@code n x n} samples of a patch sit relative to its centre node, in (fractional)
 * node offsets. With no physical size the samples are the grid's nodes, offsets
 * {@code -n/2 .. n-1-n/2} (for even n the centre node is sample {@code n/2}, just north-east of the
 * geometric centre). With a size in km the samples are {@code size_km/n} km apart, symmetric about
 * the centre node, and are read by bilinear interpolation; the x offsets use cos(latitude) of each
 * sample row, so a patch covers the same ground east-west as north-south at every latitude.
 */
public record PatchGeometry(int n, Double sizeKm) implements Serializable {

  /** x offsets then y offsets (each n*n, row-major from the south-west) around a centre at {@code lat}. */
  public double[][] offsets(GridTile tile, double lat) {
    double[] ox = new double[n * n];
    double[] oy = new double[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        if (sizeKm == null) {
          ox[r * n + c] = c - n / 2;
          oy[r * n + c] = r - n / 2;
        } else {
          double step = sizeKm / n;
          double offY = (r - (n - 1) / 2.0) * step;
          double offX = (c - (n - 1) / 2.0) * step;
          double rowsY = offY / (tile.dy() * Earth.KM_PER_DEGREE);
          double rowLat = lat + rowsY * tile.dy();
          oy[r * n + c] = rowsY;
          ox[r * n + c] = offX / Earth.lonKm(tile.dx(), rowLat);
        }
      }
    }
    return new double[][] {ox, oy};
  }

  /** Nodes of halo a patch centred anywhere in the tile's interior needs (bilinear reads one more). */
  public int reach(GridTile tile) {
    if (sizeKm == null) return n / 2;
    int reach = 0;
    for (int j : new int[] {tile.halo(), tile.ny() - 1 - tile.halo()}) {
      double[][] o = offsets(tile, tile.y(j));
      for (int k = 0; k < n * n; k++) {
        reach = Math.max(reach, (int) Math.ceil(Math.max(Math.abs(o[0][k]), Math.abs(o[1][k])) + 1e-9));
      }
    }
    return reach;
  }

  /**
   * The samples of {@code tile} at global node (gi, gj) plus the offsets; NaN where a sample (or
   * one of its bilinear corners) is NaN.
   */
  public static float[] sample(GridTile tile, double gi, double gj, double[][] offsets) {
    int count = offsets[0].length;
    float[] v = new float[count];
    for (int k = 0; k < count; k++) {
      double x = gi + offsets[0][k] - tile.col0();
      double y = gj + offsets[1][k] - tile.row0();
      v[k] = bilinear(tile, x, y);
    }
    return v;
  }

  static float bilinear(GridTile t, double x, double y) {
    int i0 = (int) Math.floor(x + 1e-9);
    int j0 = (int) Math.floor(y + 1e-9);
    double fx = Math.max(0, x - i0);
    double fy = Math.max(0, y - j0);
    if (fx < 1e-9 && fy < 1e-9) return t.at(i0, j0);
    int i1 = fx < 1e-9 ? i0 : i0 + 1;
    int j1 = fy < 1e-9 ? j0 : j0 + 1;
    double v = (1 - fx) * (1 - fy) * t.at(i0, j0) + fx * (1 - fy) * t.at(i1, j0)
        + (1 - fx) * fy * t.at(i0, j1) + fx * fy * t.at(i1, j1);
    return (float) v;
  }
}
