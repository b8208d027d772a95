package org.moho.pipelines.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.Detection;
import org.moho.core.data.GridTile;
import org.moho.core.stage.RecordException;
import org.moho.pipelines.evaluate.GreatCircle;

/**
 * The classical seamount picker on one tile: high-pass the bathymetry by subtracting a Gaussian
 * regional, optionally low-pass the residual, take local maxima at least {@code min_height}
 * high, and drop a peak when a higher one lies within {@code min_separation_km} ("keep the
 * higher" decided pairwise, so tiles agree as long as the halo covers the separation). Only peaks
 * in the tile's interior are returned, so each is found once over a tiling.
 */
public final class PeakPicker {
  private final PeaksConfig config;

  public PeakPicker(PeaksConfig config) {
    this.config = config;
  }

  public List<Detection> peaks(GridTile t) throws RecordException {
    GridGeometry.checkGeographic(t);
    float[] v = t.values();
    float[] regional = config.regionalWidthKm() > 0 ? GridGeometry.smoothKm(t, v, config.regionalWidthKm()) : null;
    float[] residual = v;
    if (regional != null) {
      residual = new float[v.length];
      for (int k = 0; k < v.length; k++) residual[k] = v[k] - regional[k];
    }
    residual = GridGeometry.smoothKm(t, residual, config.smoothWidthKm());
    int nx = t.nx();
    java.util.BitSet candidates = new java.util.BitSet(v.length);
    for (int k : LocalExtrema.maxima(residual, nx, t.ny(), config.window())) {
      if (residual[k] >= config.minHeight()) candidates.set(k);
    }
    List<Detection> out = new ArrayList<>();
    for (int k = candidates.nextSetBit(0); k >= 0; k = candidates.nextSetBit(k + 1)) {
      int i = k % nx;
      int j = k / nx;
      if (!t.interior(i, j) || higherNeighbour(t, residual, candidates, k)) continue;
      Map<String, Object> a = new TreeMap<>();
      a.put("height", (double) residual[k]);
      a.put("value", (double) v[k]);
      if (regional != null) a.put("regional", (double) regional[k]);
      out.add(new Detection(GridGeometry.key(t, i, j), t.x(i), t.y(j), residual[k], a));
    }
    return out;
  }

  /** Whether a higher candidate (ties: earlier in row-major order) lies within the separation. */
  private boolean higherNeighbour(GridTile t, float[] r, java.util.BitSet candidates, int k) {
    double sep = config.minSeparationKm();
    if (sep <= 0) return false;
    int nx = t.nx();
    int i = k % nx;
    int j = k / nx;
    double lon = t.x(i);
    double lat = t.y(j);
    int rj = (int) Math.ceil(sep / GridGeometry.dyKm(t));
    for (int jj = Math.max(0, j - rj); jj <= Math.min(t.ny() - 1, j + rj); jj++) {
      int ri = (int) Math.ceil(sep / Math.min(GridGeometry.dxKm(t, jj), GridGeometry.dxKm(t, j)));
      for (int ii = Math.max(0, i - ri); ii <= Math.min(nx - 1, i + ri); ii++) {
        int o = jj * nx + ii;
        if (o == k || !candidates.get(o) || !(r[o] > r[k] || (r[o] == r[k] && o < k))) continue;
        if (GreatCircle.km(lon, lat, t.x(ii), t.y(jj)) < sep) return true;
      }
    }
    return false;
  }

  /** Halo nodes a tile needs for exactly the same peaks as on the whole grid. */
  public int haloNeeded(GridTile t) {
    int reach = GridGeometry.reachKm(t, config.regionalWidthKm()) + GridGeometry.reachKm(t, config.smoothWidthKm())
        + config.window();
    if (config.minSeparationKm() > 0) {
      double dxMin = Math.min(GridGeometry.dxKm(t, 0), GridGeometry.dxKm(t, t.ny() - 1));
      reach = Math.max(reach, (int) Math.ceil(config.minSeparationKm() / Math.min(dxMin, GridGeometry.dyKm(t)))
          + config.window());
    }
    return reach;
  }
}
