package org.moho.pipelines.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.pipelines.evaluate.Catalogue;

/** detections.rows, detections.from-rows and catalog.label on real peaks and the Wessel & Lyons list. */
class CandidateStagesTest {
  static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void peaksGoToRowsAndBackUnchanged() throws Exception {
    // Hawaiian Islands topography in km (181 x 85 nodes): small enough for a fast test.
    GridTile whole = EsriGrids.read(EsriGrids.repo("data/bathymetry/HI_topo_04.asc"));
    PeaksConfig peaks = StageHarness.bind(PeaksConfig.class, "{regional_width_km: 100, min_height: 0.5}");
    List<Detection> expected = new PeakPicker(peaks).peaks(whole);
    assertTrue(expected.size() > 20, "peaks 0.5 km above the regional: " + expected.size());

    Pipeline p = StageHarness.pipeline();
    PCollectionTuple rows = StageHarness.apply("rows", new DetectionsAsRows(),
        StageHarness.bind(DetectionsAsRows.Config.class, "{score_column: height_score}"), TMP, p,
        StageHarness.of(p, Detection.class, expected));
    PCollection<Row> main = StageOutputs.main(rows);
    PAssert.that(main).satisfies(got -> {
      int n = 0;
      for (Row r : got) {
        n++;
        assertEquals(List.of("lon", "lat", "height_score", "height", "regional", "value"), List.copyOf(r.values().keySet()));
        // detect.peaks: score = residual height = value - regional
        assertEquals(r.number("value") - r.number("regional"), r.number("height_score"), 1e-3);
      }
      assertEquals(expected.size(), n);
      return null;
    });
    PCollectionTuple back = StageHarness.apply("back", new RowsAsDetections(),
        StageHarness.bind(RowsAsDetections.Config.class, "{score: height_score}"), TMP, p, main);
    Map<String, Detection> want = new TreeMap<>();
    expected.forEach(d -> want.put(d.key(), d));
    PAssert.that(StageOutputs.<Detection>main(back)).satisfies(got -> {
      Map<String, Detection> a = new TreeMap<>();
      got.forEach(d -> a.put(d.key(), d));
      assertEquals(want, a);
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(rows));
    StageHarness.assertContains(StageOutputs.errors(back));
    p.run().waitUntilFinish();
  }

  @Test
  void rowsWithoutAFiniteScoreOrPositionAreErrors() {
    Pipeline p = StageHarness.pipeline();
    Map<String, Object> noScore = new LinkedHashMap<>();
    noScore.put("lon", 200.0);
    noScore.put("lat", 20.0);
    noScore.put("prediction", null);
    Map<String, Object> textLon = new LinkedHashMap<>();
    textLon.put("lon", "east");
    textLon.put("lat", 20.0);
    textLon.put("prediction", 0.5);
    Map<String, Object> good = new LinkedHashMap<>(textLon);
    good.put("lon", 204.44);
    good.put("note", "kept");
    PCollectionTuple out = StageHarness.apply("det", new RowsAsDetections(),
        StageHarness.bind(RowsAsDetections.Config.class, "{score: prediction}"), TMP, p,
        StageHarness.of(p, Row.class, List.of(new Row("a", noScore), new Row("b", textLon), new Row("c", good))));
    StageHarness.assertContains(StageOutputs.<Detection>main(out), new Detection("c", 204.44, 20.0, 0.5, Map.of("note", "kept")));
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<String> keys = new ArrayList<>();
      for (ErrorRecord e : errs) keys.add(e.key() + ":" + e.reason().startsWith("column " + (e.key().equals("a") ? "prediction" : "lon")));
      keys.sort(null);
      assertEquals(List.of("a:true", "b:true"), keys);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void labelsByTheNearestCatalogueEntry() {
    // Nearest Wessel & Lyons (1997) entry and its distance, by an independent haversine (R = 6371 km):
    // python3: min over the list of 2*6371*asin(sqrt(sin²(dφ/2) + cosφ1 cosφ2 sin²(dλ/2)))
    //   (170.02, 40.013)  -> 13.1411 km (170.16667, 40.049803)
    //   (204.44, 19.81)   -> 12.3359 km (204.55, 19.85)
    //   (-155.5, 19.4)    -> 15.6923 km (204.48333, 19.259755): longitudes -180..180 against 0..360
    //   (190.123, 50.456) -> 1299.7046 km
    //   (165.3, 30.7)     -> 350.6047 km
    double[][] pts = {{170.02, 40.013, 13.1411, 1}, {204.44, 19.81, 12.3359, 1}, {-155.5, 19.4, 15.6923, 1},
        {190.123, 50.456, 1299.7046, 0}, {165.3, 30.7, 350.6047, 0}};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pts.length; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("lon", pts[i][0]);
      v.put("lat", pts[i][1]);
      rows.add(new Row("r" + i, v));
    }
    rows.add(new Row("nopos", Map.of("x", 1.0)));
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply("label", new CatalogueLabel(),
        StageHarness.bind(CatalogueLabel.Config.class, "{radius_km: 14, label_column: seamount, catalogue_lon_column: LON, catalogue_lat_column: LAT}"),
        TMP, p, StageHarness.of(p, Row.class, rows), StageHarness.of(p, Row.class, Catalogue.seamounts()));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(got -> {
      int n = 0;
      for (Row r : got) {
        n++;
        double[] want = pts[Integer.parseInt(r.key().substring(1))];
        assertEquals(want[2], r.number("catalogue_km"), 1e-3, r.key());
        // radius 14 km: the third point (15.69 km) is just outside
        long label = want[2] <= 14 ? 1L : 0L;
        assertEquals(label, r.get("seamount"), r.key());
      }
      assertEquals(pts.length, n);
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<String> keys = new ArrayList<>();
      errs.forEach(e -> keys.add(e.key()));
      assertEquals(List.of("nopos"), keys);
      return null;
    });
    p.run().waitUntilFinish();
    assertEquals(Double.POSITIVE_INFINITY, CatalogueLabel.nearestKm(200, 20, List.of()));
  }
}
