package org.moho.pipelines.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.stage.StageOutputs;

/** detect.peaks on the bundled North Pacific residual topography. */
class DetectPeaksTest {
  static final String CONFIG = "{regional_width_km: 150, smooth_width_km: 20, min_height: 200, min_separation_km: 20}";

  @Test
  void tilesWithHaloGiveTheWholeGridsPeaks() throws Exception {
    GridTile whole = EsriGrids.read(EsriGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    PeaksConfig config = StageHarness.bind(PeaksConfig.class, CONFIG);
    List<Detection> expected = new PeakPicker(config).peaks(whole);
    assertTrue(expected.size() > 1000, "peaks: " + expected.size());
    int halo = new PeakPicker(config).haloNeeded(whole);
    List<GridTile> tiles = EsriGrids.tiles(whole, 150, halo);
    assertEquals(4 * 4, tiles.size());

    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new DetectPeaks(), config, StageHarness.of(p, GridTile.class, tiles));
    java.util.Set<String> want = new java.util.TreeSet<>(expected.stream().map(DetectPeaksTest::summary).toList());
    PAssert.that(StageOutputs.<Detection>main(out)).satisfies(got -> {
      java.util.Set<String> a = new java.util.TreeSet<>();
      got.forEach(d -> a.add(summary(d)));
      java.util.Set<String> missing = new java.util.TreeSet<>(want);
      missing.removeAll(a);
      java.util.Set<String> extra = new java.util.TreeSet<>(a);
      extra.removeAll(want);
      assertEquals(0, missing.size() + extra.size(), "missing " + first(missing) + " extra " + first(extra));
      assertEquals(want.size(), a.size());
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out));
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertEquals(0, StageHarness.counter(r, "tiles.halo_short"));
  }

  /** Key (position to 1e-5 degree) and score to 1e-3 m: the tile's node coordinates are x0 + i*dx from another x0. */
  static String summary(Detection d) {
    return String.format(java.util.Locale.ROOT, "%s %.3f", d.key(), d.score());
  }

  static String first(java.util.Set<String> s) {
    return s.size() + s.stream().limit(3).toList().toString();
  }

  @Test
  void peaksHaveTheirResidualHeightAndShortHalosAreCounted() {
    GridTile whole = EsriGrids.read(EsriGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    PeaksConfig config = StageHarness.bind(PeaksConfig.class, "{regional_width_km: 0, min_height: 6000}");
    // Without a regional or smoothing the residual is the grid itself: the peaks above 6000 m are
    // the nodes of the bundled grid above 6000 m that beat their 8 neighbours (grid range -2967..6608 m).
    List<Detection> d = new ArrayList<>();
    GridTile badTile = new GridTile("bad", "m", whole.registration(), 2, 2, 0, 0, 2, 2, 0, 0, 0, 1, 0, new float[4]);
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new DetectPeaks(), config,
        StageHarness.of(p, GridTile.class, List.of(whole, badTile)));
    PAssert.that(StageOutputs.<Detection>main(out)).satisfies(got -> {
      got.forEach(d::add);
      assertTrue(d.size() >= 1);
      float max = Float.NEGATIVE_INFINITY;
      for (float v : whole.values()) if (!Float.isNaN(v)) max = Math.max(max, v);
      assertEquals(6608.0, max); // data/NOTICE.md: range -2967..6608 m
      boolean sawMax = false;
      for (Detection x : got) {
        assertTrue(x.score() >= 6000);
        assertEquals(x.score(), (double) x.attributes().get("value"));
        sawMax |= x.score() == 6608.0;
      }
      assertTrue(sawMax);
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      ErrorRecord e = errs.iterator().next();
      assertEquals("bad[0,0]", e.key());
      assertTrue(e.reason().startsWith("not a geographic grid"), e.reason());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
