package org.moho.pipelines.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.stage.StageOutputs;
import org.moho.pipelines.evaluate.Catalogue;
import org.moho.pipelines.evaluate.MatchCurve;

/**
 * detect.minima on a real score grid: the negated North Pacific residual topography (so that, as
 * with reconstruction errors, seamounts are low), checked against the grid's own percentile and
 * the Wessel &amp; Lyons seamounts.
 */
class DetectMinimaTest {
  static GridTile negatedResidualTopo() {
    GridTile g = EsriGrids.read(EsriGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    float[] v = g.values().clone();
    for (int k = 0; k < v.length; k++) v[k] = -v[k];
    return new GridTile("neg_pac", g.units(), g.registration(), g.gridNx(), g.gridNy(), g.col0(), g.row0(), g.nx(), g.ny(),
        g.halo(), g.x0(), g.y0(), g.dx(), g.dy(), v);
  }

  static final String CONFIG = "{width_km: 20, emax_percentile: 5, ring_km: 30, depth: 300, min_prominence: 200}";

  @Test
  void percentileEmaxFromAFirstPassAndMinimaThatAreSeamounts() {
    GridTile g = negatedResidualTopo();
    MinimaConfig config = StageHarness.bind(MinimaConfig.class, CONFIG);
    float[] sorted = g.values().clone();
    Arrays.sort(sorted); // NaN sort last
    int finite = 0;
    for (float x : sorted) if (!Float.isNaN(x)) finite++;
    double exact5 = sorted[(int) Math.round(0.05 * (finite - 1))];
    int finiteCount = finite;
    GridTile bad = new GridTile("bad", "m", g.registration(), 2, 2, 0, 0, 2, 2, 0, 0, 95, 1, 1, new float[4]);

    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new DetectMinima(), config, StageHarness.of(p, GridTile.class, List.of(g, bad)));
    PAssert.that(StageOutputs.<Detection>main(out)).satisfies(ds -> {
      List<Detection> list = new ArrayList<>();
      ds.forEach(list::add);
      assertTrue(list.size() > 50, "minima " + list.size());
      double emax = (Double) list.get(0).attributes().get("emax");
      // The approximate 5th percentile splits the grid's values within 0.5 % of 5 %.
      long below = 0;
      for (float x : g.values()) if (!Float.isNaN(x) && x < emax) below++;
      assertEquals(0.05, (double) below / finiteCount, 0.005, "emax " + emax + " exact " + exact5);
      for (Detection d : list) {
        assertTrue(d.score() < emax);
        assertTrue((Double) d.attributes().get("depth") >= 300);
        assertTrue((Double) d.attributes().get("prominence") >= 200);
        double conf = (Double) d.attributes().get("confidence");
        assertTrue(conf >= 0 && conf <= 1);
      }
      // Lower is better: against the 308 Wessel & Lyons seamounts in the grid.
      List<org.moho.core.data.Row> cat = Catalogue.seamounts();
      double[] cLon = cat.stream().filter(DetectMinimaTest::inGrid).mapToDouble(r -> r.number("LON")).toArray();
      double[] cLat = cat.stream().filter(DetectMinimaTest::inGrid).mapToDouble(r -> r.number("LAT")).toArray();
      assertEquals(308, cLon.length);
      List<MatchCurve.Point> curve = MatchCurve.sweep(list.stream().mapToDouble(Detection::lon).toArray(),
          list.stream().mapToDouble(Detection::lat).toArray(), list.stream().mapToDouble(Detection::score).toArray(),
          false, cLon, cLat, 25, Integer.MAX_VALUE);
      MatchCurve.Point at10 = MatchCurve.bestWithFprAtMost(curve, 0.10);
      MatchCurve.Point at40 = MatchCurve.bestWithFprAtMost(curve, 0.40);
      System.out.printf("detect.minima on -pac_residual_topo %s: all %s; FPR<=0.10 %s; FPR<=0.40 %s%n", CONFIG,
          curve.get(curve.size() - 1), at10, at40);
      // At least the classical detector (SR ~52 % at FPR ~38 %).
      assertTrue(at40.sr() >= 0.52, at40.toString());
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      ErrorRecord e = errs.iterator().next();
      assertEquals("bad[0,0]", e.key());
      assertTrue(e.reason().startsWith("not a geographic grid"), e.reason());
      return null;
    });
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertTrue(StageHarness.counter(r, "skipped.above_emax") > 0);
    assertTrue(StageHarness.counter(r, "skipped.shallow") > 0);
  }

  static boolean inGrid(org.moho.core.data.Row r) {
    double lon = r.number("LON");
    double lat = r.number("LAT");
    return lon >= 160 && lon <= 210 && lat >= 17 && lat <= 55;
  }

  /** The same minima from haloed tiles as from the whole grid, with a fixed Emax (plain Java, no runner). */
  @Test
  void tilesWithHaloGiveTheWholeGridsMinima() throws Exception {
    GridTile g = negatedResidualTopo();
    for (String yaml : List.of("{width_km: 20, emax: -500, ring_km: 30, depth: 300, min_prominence: 200}",
        "{width_nodes: 3, emax: -500, ring_km: 25, ring_reference: mean, prominence: regional, regional_width_km: 150, min_prominence: 300}")) {
      MinimaConfig config = StageHarness.bind(MinimaConfig.class, yaml);
      MinimaFinder finder = new MinimaFinder(config);
      Set<String> whole = new TreeSet<>();
      for (Detection d : finder.find(g, -500).detections()) whole.add(DetectPeaksTest.summary(d));
      Set<String> tiled = new TreeSet<>();
      for (GridTile t : EsriGrids.tiles(g, 200, finder.haloNeeded(g))) {
        for (Detection d : finder.find(t, -500).detections()) tiled.add(DetectPeaksTest.summary(d));
      }
      assertTrue(whole.size() > 50, yaml + ": " + whole.size());
      assertEquals(whole, tiled, yaml);
    }
  }
}
