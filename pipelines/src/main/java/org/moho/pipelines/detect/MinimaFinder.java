package org.moho.pipelines.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.Detection;
import org.moho.core.data.GridTile;
import org.moho.core.stage.RecordException;

/**
 * The detection step of Valentine, Kalnins &amp; Trampert (2013) on one tile of reconstruction
 * errors E (low = seamount-like): low-pass E, take its local minima below Emax, keep those at
 * least {@code depth} below the mean or median of a ring of radius {@code ring_km} around them
 * and at least {@code min_prominence} prominent. Only minima in the tile's interior are
 * returned; the filters, rings and saddle search use the halo.
 */
public final class MinimaFinder {
  private final MinimaConfig config;

  public MinimaFinder(MinimaConfig config) {
    this.config = config;
  }

  /** Why candidates were dropped, for the stage's counters. */
  public record Result(List<Detection> detections, int aboveEmax, int shallow, int ringCut, int flat) {}

  public Result find(GridTile t, double emax) throws RecordException {
    GridGeometry.checkGeographic(t);
    float[] e = t.values();
    float[] s = smooth(t, e);
    int nx = t.nx();
    int ny = t.ny();
    float[] regional = config.prominence() == MinimaConfig.ProminenceKind.REGIONAL
        ? GridGeometry.smoothKm(t, e, config.regionalWidthKm()) : null;
    int rj = (int) Math.ceil(config.prominenceWindowKm() / GridGeometry.dyKm(t));
    List<Detection> out = new ArrayList<>();
    int above = 0;
    int shallow = 0;
    int cut = 0;
    int flat = 0;
    for (int k : LocalExtrema.minima(s, nx, ny, config.window())) {
      int i = k % nx;
      int j = k / nx;
      if (!t.interior(i, j)) continue;
      if (!(s[k] < emax)) {
        above++;
        continue;
      }
      LocalExtrema.Ring ring = LocalExtrema.ring(s, nx, ny, i, j, config.ringKm(), GridGeometry.dxKm(t, j), GridGeometry.dyKm(t));
      if (ring.coverage() < config.minRingCoverage() || ring.values().length == 0) {
        cut++;
        continue;
      }
      double reference = config.ringReference() == MinimaConfig.RingReference.MEAN ? ring.mean() : ring.median();
      double depth = reference - s[k];
      if (depth < config.depth()) {
        shallow++;
        continue;
      }
      double prominence;
      boolean bounded = true;
      if (regional != null) {
        prominence = regional[k] - s[k];
      } else {
        int ri = (int) Math.ceil(config.prominenceWindowKm() / GridGeometry.dxKm(t, j));
        LocalExtrema.Prominence p = LocalExtrema.minimumProminence(s, nx, ny, k, ri, rj);
        prominence = p.value();
        bounded = p.bounded();
      }
      if (prominence < config.minProminence()) {
        flat++;
        continue;
      }
      Map<String, Object> a = new TreeMap<>();
      a.put("e", (double) e[k]);
      a.put("e_smoothed", (double) s[k]);
      a.put("emax", emax);
      a.put("ring_reference", reference);
      a.put("depth", depth);
      a.put("prominence", prominence);
      a.put("prominence_bounded", bounded);
      a.put("confidence", confidence(s[k], emax));
      out.add(new Detection(GridGeometry.key(t, i, j), t.x(i), t.y(j), s[k], a));
    }
    return new Result(out, above, shallow, cut, flat);
  }

  /** How far below Emax, relative to |Emax|, clamped to [0, 1]: higher is more confident. */
  static double confidence(double e, double emax) {
    if (emax == 0) return e < 0 ? 1 : 0;
    return Math.max(0, Math.min(1, (emax - e) / Math.abs(emax)));
  }

  float[] smooth(GridTile t, float[] e) {
    if (config.widthKm() != null) return GridGeometry.smoothKm(t, e, config.widthKm());
    if (config.widthNodes() != null) return GridGeometry.smoothNodes(t, e, config.widthNodes());
    return e;
  }

  /** Halo nodes a tile needs for the same minima as on the whole grid (low-pass plus ring or saddle window). */
  public int haloNeeded(GridTile t) {
    double dxMin = Math.min(GridGeometry.dxKm(t, 0), GridGeometry.dxKm(t, t.ny() - 1));
    int smooth = config.widthKm() != null ? GridGeometry.reachKm(t, config.widthKm())
        : config.widthNodes() != null ? GaussianSmoother.reach(config.widthNodes() / 6) : 0;
    double reachKm = config.prominence() == MinimaConfig.ProminenceKind.SADDLE
        ? Math.max(config.ringKm(), config.prominenceWindowKm()) : config.ringKm();
    int neighbourhood = (int) Math.ceil(reachKm / Math.min(dxMin, GridGeometry.dyKm(t))) + 1;
    int regional = config.prominence() == MinimaConfig.ProminenceKind.REGIONAL
        ? GridGeometry.reachKm(t, config.regionalWidthKm()) : 0;
    return Math.max(smooth + Math.max(neighbourhood, config.window()), regional);
  }
}
