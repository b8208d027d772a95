package org.moho.pipelines.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Local minima and maxima of a block of grid values ({@code v[j*nx+i]}, NaN = no data), and the
 * neighbourhood measures the detectors test them with (ring statistics, topographic prominence).
 *
 * <p>Ties: a node is an extremum when no finite neighbour within the window is strictly better and
 * every equal neighbour comes later in row-major order, so a flat-topped peak (integer grids have
 * them) yields one node, not none or several. The order is the same in every tile of a grid (the
 * local order is the global order shifted), so neighbouring tiles agree.
 */
public final class LocalExtrema {
  private LocalExtrema() {}

  /** Row-major indices of the local minima over a {@code (2r+1)^2} window. */
  public static List<Integer> minima(float[] v, int nx, int ny, int r) {
    return extrema(v, nx, ny, r, -1);
  }

  /** Row-major indices of the local maxima over a {@code (2r+1)^2} window. */
  public static List<Integer> maxima(float[] v, int nx, int ny, int r) {
    return extrema(v, nx, ny, r, +1);
  }

  private static List<Integer> extrema(float[] v, int nx, int ny, int r, int sign) {
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        if (!Float.isNaN(v[k]) && beatsWindow(v, nx, ny, i, j, r, sign)) out.add(k);
      }
    }
    return out;
  }

  private static boolean beatsWindow(float[] v, int nx, int ny, int i, int j, int r, int sign) {
    int k = j * nx + i;
    double c = sign * v[k];
    for (int jj = Math.max(0, j - r); jj <= Math.min(ny - 1, j + r); jj++) {
      for (int ii = Math.max(0, i - r); ii <= Math.min(nx - 1, i + r); ii++) {
        int q = jj * nx + ii;
        if (q == k || Float.isNaN(v[q])) continue;
        double o = sign * v[q];
        if (o > c || (o == c && q < k)) return false;
      }
    }
    return true;
  }

  /**
   * The values on a ring around node (i, j): nodes whose distance, with node spacings
   * {@code dxKm, dyKm}, lies within half a spacing of {@code radiusKm}. NaN nodes and nodes beyond
   * the block are left out; the second element of the result is how many ring nodes there were
   * in all (to tell a ring cut by the block's edge or by holes).
   */
  public static Ring ring(float[] v, int nx, int ny, int i, int j, double radiusKm, double dxKm, double dyKm) {
    double half = Math.max(dxKm, dyKm) / 2;
    int ri = (int) Math.ceil((radiusKm + half) / dxKm);
    int rj = (int) Math.ceil((radiusKm + half) / dyKm);
    double[] vals = new double[(2 * ri + 1) * (2 * rj + 1)];
    int n = 0;
    int total = 0;
    for (int dj = -rj; dj <= rj; dj++) {
      for (int di = -ri; di <= ri; di++) {
        double d = Math.hypot(di * dxKm, dj * dyKm);
        if (Math.abs(d - radiusKm) > half) continue;
        total++;
        int ii = i + di;
        int jj = j + dj;
        if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue;
        float x = v[jj * nx + ii];
        if (!Float.isNaN(x)) vals[n++] = x;
      }
    }
    return new Ring(Arrays.copyOf(vals, n), total);
  }

  /** The finite values found on a ring and how many nodes the whole ring has. */
  public record Ring(double[] values, int total) {
    public double mean() {
      double s = 0;
      for (double x : values) s += x;
      return values.length == 0 ? Double.NaN : s / values.length;
    }

    public double median() {
      if (values.length == 0) return Double.NaN;
      double[] s = values.clone();
      Arrays.sort(s);
      int m = s.length / 2;
      return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The fraction of the ring's nodes that had a value. */
    public double coverage() {
      return total == 0 ? 0 : (double) values.length / total;
    }
  }

  /**
   * Topographic prominence of the local minimum at {@code k} (the depth of its basin): the lowest
   * "saddle" level at which water poured into the minimum spills over (8-connected) to a lower
   * node, minus the minimum's value. The search is limited to a window of {@code ri x rj} nodes
   * around the minimum; when no lower node is reached within it the result is the spill level of
   * the window (a lower bound), and {@code bounded} is false.
   */
  public static Prominence minimumProminence(float[] v, int nx, int ny, int k, int ri, int rj) {
    int i0 = k % nx;
    int j0 = k / nx;
    double vmin = v[k];
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Double.compare(Double.longBitsToDouble(a[0]),
        Double.longBitsToDouble(b[0])) != 0 ? Double.compare(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(b[0]))
        : Long.compare(a[1], b[1]));
    java.util.BitSet seen = new java.util.BitSet(v.length);
    queue.add(new long[] {Double.doubleToLongBits(vmin), k});
    seen.set(k);
    double level = vmin;
    while (!queue.isEmpty()) {
      long[] e = queue.poll();
      int q = (int) e[1];
      double x = v[q];
      if (x < vmin || (x == vmin && q < k)) return new Prominence(level - vmin, true);
      level = Math.max(level, x);
      int qi = q % nx;
      int qj = q / nx;
      for (int dj = -1; dj <= 1; dj++) {
        for (int di = -1; di <= 1; di++) {
          int ii = qi + di;
          int jj = qj + dj;
          if (ii < 0 || jj < 0 || ii >= nx || jj >= ny || Math.abs(ii - i0) > ri || Math.abs(jj - j0) > rj) continue;
          int n = jj * nx + ii;
          if (seen.get(n) || Float.isNaN(v[n])) continue;
          seen.set(n);
          queue.add(new long[] {Double.doubleToLongBits(v[n]), n});
        }
      }
    }
    return new Prominence(level - vmin, false);
  }

  /** A prominence and whether a lower node was found (false: a lower bound at the window edge). */
  public record Prominence(double value, boolean bounded) {}
}
