package org.moho.pipelines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/** grid.patches and grid.filter on the DirectRunner, with the real Pacific grid and seamount catalogue. */
class GridStagesBeamTest {
  /** Patches seen by the collecting DoFn, per test run (DirectRunner runs in this JVM). */
  static final Map<String, List<Patch>> SEEN = new ConcurrentHashMap<>();

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  static StageContext ctx(String id) {
    return new StageContext(id, Path.of("."), Path.of("target/beam-out"), false);
  }

  static long counter(PipelineResult r, String stage, String name) {
    long total = 0;
    for (MetricResult<Long> c : r.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(stage, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  static PatchConfig centred(int negatives) {
    return new PatchConfig(9, null, 4, Detrend.PLANE, PatchScaling.PATCH, 30, 60, null, "lon", "lat", negatives, 60, 7);
  }

  /** Stores what it sees under a run key so the test can check whole collections. */
  static final class Collect extends DoFn<Patch, Void> {
    private final String run;

    Collect(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element Patch p) {
      SEEN.computeIfAbsent(run, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(p);
    }
  }

  private static PipelineResult runCentred(String run, PatchConfig config, List<GridTile> tiles, List<Row> rows) {
    Pipeline p = pipeline();
    PCollection<GridTile> t = p.apply("tiles", Create.of(tiles).withCoder(SerializableCoder.of(GridTile.class)));
    PCollection<Row> c = p.apply("catalogue", Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("patches", StageInputs.of(t, c), new GridPatches().create(config, ctx("patches")));
    StageOutputs.<Patch>main(out).apply("collect", ParDo.of(new Collect(run)));
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      assertTrue(!errs.iterator().hasNext(), "no errors expected");
      return null;
    });
    PipelineResult r = p.run();
    r.waitUntilFinish();
    return r;
  }

  /**
   * Seamount training set: one label=1 patch per catalogue point inside the Pacific grid, centred
   * within half a node of the point; 454 - 308 = 146 points lie outside it (data/SOURCES: 308 inside)
   * and are counted; negatives are 60 km from every point, seeded and repeatable.
   */
  @Test
  void centredPatchesAroundTheSeamountCatalogue() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    List<GridTile> tiles = AsciiGrids.tiles(g, 128, 8);
    List<Row> rows = Catalogues.read(AsciiGrids.repo("data/bathymetry/seamounts_WL97_north17.txt"));
    assertEquals(454, rows.size());
    PipelineResult r = runCentred("a", centred(40), tiles, rows);
    long outside = counter(r, "patches", "skipped.outside");
    long nan = counter(r, "patches", "skipped.nan");
    assertEquals(146, outside);
    List<Patch> all = SEEN.get("a");
    List<Patch> positives = all.stream().filter(p -> p.attributes().get("label").equals("1")).toList();
    List<Patch> negatives = all.stream().filter(p -> p.attributes().get("label").equals("0")).toList();
    assertEquals(308, positives.size() + nan, "every inside point is a patch or a NaN skip");
    assertTrue(positives.size() > 250, "positives " + positives.size());
    double half = g.d() / 2 + 1e-9;
    for (Patch p : positives) {
      double plon = Double.parseDouble(p.attributes().get("point_lon"));
      double plat = Double.parseDouble(p.attributes().get("point_lat"));
      assertTrue(Math.abs(p.lon() - plon) <= half && Math.abs(p.lat() - plat) <= half, p.key() + " at " + p.lon() + "," + p.lat());
      assertEquals(81, p.values().length);
    }
    assertEquals(40, negatives.size());
    assertEquals(0, counter(r, "patches", "negatives.short"));
    for (Patch n : negatives) {
      for (Row row : rows) {
        assertTrue(Earth.distanceKm(n.lon(), n.lat(), row.number("LON"), row.number("LAT")) >= 60, n.key());
      }
    }
    runCentred("b", centred(40), AsciiGrids.tiles(g, 300, 8), rows);
    assertEquals(keys(negatives), keys(SEEN.get("b").stream().filter(p -> p.attributes().get("label").equals("0")).toList()),
        "same seed, other tiling: same negatives");
  }

  private static java.util.Set<String> keys(List<Patch> ps) {
    java.util.Set<String> s = new java.util.TreeSet<>();
    for (Patch p : ps) s.add(p.attributes().get("col") + "," + p.attributes().get("row"));
    return s;
  }

  @Test
  void catalogueRowWithoutPositionGoesToErrors() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    Pipeline p = pipeline();
    PCollection<GridTile> t = p.apply("tiles", Create.of(AsciiGrids.tiles(g, 40, 8)).withCoder(SerializableCoder.of(GridTile.class)));
    Row bad = new Row("cat:3", Map.of("lon", "n/a", "lat", 32.0));
    Row good = new Row("cat:4", Map.of("lon", -64.0, "lat", 32.0));
    PCollection<Row> c = p.apply("catalogue", Create.of(bad, good).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("patches", StageInputs.of(t, c), new GridPatches().create(centred(0), ctx("patches")));
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<ErrorRecord> l = new ArrayList<>();
      errs.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals("cat:3", l.get(0).key());
      assertTrue(l.get(0).reason().contains("lon"), l.get(0).reason());
      return null;
    });
    PAssert.that(StageOutputs.<Patch>main(out)).satisfies(ps -> {
      List<Patch> l = new ArrayList<>();
      ps.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals(-64.0, l.get(0).lon(), 1e-9);
      assertEquals(32.0, l.get(0).lat(), 1e-9);
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** Grid mode counts NaN skips; out + skipped = number of centres. */
  @Test
  void strideModeCountsNanSkips() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    Pipeline p = pipeline();
    PCollection<GridTile> t = p.apply("tiles", Create.of(AsciiGrids.tiles(g, 150, 8)).withCoder(SerializableCoder.of(GridTile.class)));
    PatchConfig c = new PatchConfig(16, null, 8, Detrend.NONE, PatchScaling.PATCH, 30, 60, null, "lon", "lat", 0, 50, 7);
    PCollectionTuple out = Pipeline.applyTransform("patches", StageInputs.of(t), new GridPatches().create(c, ctx("patches")));
    StageOutputs.<Patch>main(out).apply("collect", ParDo.of(new Collect("stride")));
    PipelineResult r = p.run();
    r.waitUntilFinish();
    long centres = (long) ((g.nx() + 7) / 8) * ((g.ny() + 7) / 8);
    long skipped = counter(r, "patches", "skipped.nan") + counter(r, "patches", "skipped.flat");
    assertEquals(centres, SEEN.get("stride").size() + skipped);
    assertTrue(counter(r, "patches", "skipped.nan") > 0);
  }

  @Test
  void filterStageMatchesThePureFilterAndFailsOnSmallHalo() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    List<GridTile> tiles = AsciiGrids.tiles(g, 30, 8);
    GridFilterConfig c = new GridFilterConfig(60, WidthUnits.KM, FilterShape.GAUSSIAN, FilterPass.HIGH, 2);
    List<GridTile> expected = new ArrayList<>();
    for (GridTile t : tiles) expected.add(GridFilter.apply(c, t, new HashMap<>()));
    Pipeline p = pipeline();
    PCollection<GridTile> in = p.apply("tiles", Create.of(tiles).withCoder(SerializableCoder.of(GridTile.class)));
    PCollectionTuple out = Pipeline.applyTransform("hp", StageInputs.of(in), new GridFilter().create(c, ctx("hp")));
    PAssert.that(StageOutputs.<GridTile>main(out)).satisfies(got -> {
      Map<String, GridTile> byKey = new HashMap<>();
      got.forEach(t -> byKey.put(t.key(), t));
      assertEquals(expected.size(), byKey.size());
      for (GridTile e : expected) {
        GridTile t = byKey.get(e.key());
        assertEquals(e.halo(), t.halo());
        assertTrue(java.util.Arrays.equals(e.values(), t.values()), e.key());
      }
      return null;
    });
    p.run().waitUntilFinish();

    Pipeline p2 = pipeline();
    PCollection<GridTile> in2 = p2.apply("tiles", Create.of(AsciiGrids.tiles(g, 30, 2)).withCoder(SerializableCoder.of(GridTile.class)));
    Pipeline.applyTransform("hp", StageInputs.of(in2), new GridFilter().create(c, ctx("hp")));
    Exception e = assertThrows(Exception.class, () -> p2.run().waitUntilFinish());
    assertTrue(String.valueOf(e.getMessage()).contains("`halo`"), e.getMessage());
  }
}
