package org.moho.pipelines.detect;

import java.util.Locale;
import org.moho.core.data.GridTile;
import org.moho.core.stage.RecordException;

/** Node spacing in km and node keys of a geographic (lon/lat degree) tile. */
final class GridGeometry {
  private GridGeometry() {}

  static void checkGeographic(GridTile t) throws RecordException {
    double south = Math.min(t.y(0), t.y(t.ny() - 1));
    double north = Math.max(t.y(0), t.y(t.ny() - 1));
    if (!(t.dx() > 0) || !(t.dy() > 0) || south < -90 - 1e-9 || north > 90 + 1e-9) {
      throw new RecordException("not a geographic grid in degrees (dx " + t.dx() + ", dy " + t.dy()
          + ", latitudes " + south + ".." + north + ")");
    }
  }

  static double dyKm(GridTile t) {
    return t.dy() * GaussianSmoother.KM_PER_DEGREE;
  }

  /** East-west node spacing on row j; never below 1 m so polar rows stay finite. */
  static double dxKm(GridTile t, int j) {
    return Math.max(1e-3, t.dx() * GaussianSmoother.KM_PER_DEGREE * Math.cos(Math.toRadians(t.y(j))));
  }

  /** Per-row x sigmas and the y sigma, in nodes, for a Gaussian of full width (6 sigma) in km. */
  static double[][] sigmas(GridTile t, double widthKm) {
    double[] sx = new double[t.ny()];
    for (int j = 0; j < t.ny(); j++) sx[j] = widthKm / 6.0 / dxKm(t, j);
    return new double[][] {sx, {widthKm / 6.0 / dyKm(t)}};
  }

  static float[] smoothKm(GridTile t, float[] v, double widthKm) {
    if (widthKm <= 0) return v;
    double[][] s = sigmas(t, widthKm);
    return GaussianSmoother.smooth(v, t.nx(), t.ny(), s[0], s[1][0]);
  }

  static float[] smoothNodes(GridTile t, float[] v, double widthNodes) {
    if (widthNodes <= 0) return v;
    return GaussianSmoother.smooth(v, t.nx(), t.ny(), widthNodes / 6.0, widthNodes / 6.0);
  }

  /** How many halo nodes an exact filter of this width needs (the widest row). */
  static int reachKm(GridTile t, double widthKm) {
    if (widthKm <= 0) return 0;
    double[][] s = sigmas(t, widthKm);
    double m = s[1][0];
    for (double x : s[0]) m = Math.max(m, x);
    return GaussianSmoother.reach(m);
  }

  static String key(GridTile t, int i, int j) {
    return String.format(Locale.ROOT, "%s@%.5f,%.5f", t.source(), t.x(i), t.y(j));
  }
}
