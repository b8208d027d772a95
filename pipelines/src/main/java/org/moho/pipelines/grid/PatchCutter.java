package org.moho.pipelines.grid;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moho.core.data.GridTile;
import org.moho.core.data.Patch;

/**
 * Cuts patches out of one tile (pure logic of {@code grid.patches}): samples, NaN and land tests on
 * the raw values, detrending, scaling. {@link #prepare} checks the tile's halo once and builds the
 * local-max map when that scaling is used.
 */
public final class PatchCutter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Why a patch was not emitted; {@link #counter()} is the stage counter it goes to. */
  public enum Skip {
    NAN("skipped.nan"),
    LAND("skipped.land"),
    FLAT("skipped.flat");

    private final String counter;

    Skip(String counter) {
      this.counter = counter;
    }

    public String counter() {
      return counter;
    }
  }

  /** A patch, or the reason there is none. */
  public record Cut(Patch patch, Skip skip) {}

  /** A tile ready for cutting, with its scaling map (null unless local-max). */
  public record Prepared(GridTile tile, GridTile scaleMap) {}

  private final PatchConfig config;
  private final PatchGeometry geometry;

  public PatchCutter(PatchConfig config) {
    this.config = config;
    this.geometry = config.geometry();
  }

  /** Nodes of halo this configuration needs on {@code tile}. */
  public int reach(GridTile tile) {
    int r = geometry.reach(tile);
    if (config.scaling() == PatchScaling.LOCAL_MAX) {
      r += LocalMaxMap.reach(tile, config.scalingRadiusKm(), config.scalingSmoothKm());
    }
    return r;
  }

  public Prepared prepare(GridTile tile) {
    int need = reach(tile);
    if (need > tile.halo()) {
      String what = "a patch of " + config.size() + (config.sizeKm() == null ? " nodes" : " samples over " + config.sizeKm() + " km")
          + (config.scaling() == PatchScaling.LOCAL_MAX ? " with local-max scaling" : "");
      throw new HaloTooSmallException(tile, need, what);
    }
    GridTile map = config.scaling() == PatchScaling.LOCAL_MAX
        ? LocalMaxMap.of(tile, config.scalingRadiusKm(), config.scalingSmoothKm())
        : null;
    return new Prepared(tile, map);
  }

  /** The patch centred on global node (gi, gj), which must be a node of the tile's interior. */
  public Cut cut(Prepared p, int gi, int gj, String key, Map<String, String> extra) {
    GridTile t = p.tile();
    double lon = t.x(gi - t.col0());
    double lat = t.y(gj - t.row0());
    double[][] offsets = geometry.offsets(t, lat);
    float[] v = PatchGeometry.sample(t, gi, gj, offsets);
    Double land = config.landLevel();
    boolean aboveLand = false;
    for (float x : v) {
      if (Float.isNaN(x)) return new Cut(null, Skip.NAN);
      if (land != null && x > land) aboveLand = true;
    }
    if (aboveLand) return new Cut(null, Skip.LAND);
    int n = config.size();
    config.detrend().removeFrom(v, n);
    Map<String, String> attrs = new LinkedHashMap<>(extra);
    attrs.put("col", Integer.toString(gi));
    attrs.put("row", Integer.toString(gj));
    attrs.put("detrend", config.detrend().name().toLowerCase());
    attrs.put("scaling", config.scaling().name().toLowerCase().replace('_', '-'));
    if (config.sizeKm() != null) attrs.put("size_km", Double.toString(config.sizeKm()));
    if (config.scaling() == PatchScaling.PATCH) {
      float max = 0;
      for (float x : v) max = Math.max(max, Math.abs(x));
      if (!(max > 0)) return new Cut(null, Skip.FLAT);
      for (int k = 0; k < v.length; k++) v[k] /= max;
      attrs.put("scale", Float.toString(max));
    } else if (config.scaling() == PatchScaling.LOCAL_MAX) {
      float[] m = PatchGeometry.sample(p.scaleMap(), gi, gj, offsets);
      for (int k = 0; k < v.length; k++) {
        if (!(m[k] > 0)) return new Cut(null, Float.isNaN(m[k]) ? Skip.NAN : Skip.FLAT);
        v[k] /= m[k];
      }
      attrs.put("scale", Float.toString(PatchGeometry.bilinear(p.scaleMap(), gi - p.scaleMap().col0(), gj - p.scaleMap().row0())));
    }
    return new Cut(new Patch(key, lon, lat, n, v, attrs), null);
  }
}
