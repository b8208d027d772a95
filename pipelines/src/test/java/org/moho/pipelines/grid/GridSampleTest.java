package org.moho.pipelines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.pipelines.detect.EsriGrids;
import org.moho.pipelines.detect.StageHarness;

/** grid.sample against GMT's grdtrack on the bundled North Pacific residual topography. */
class GridSampleTest {
  /** lon, lat, bilinear (grdtrack -nl), nearest (grdtrack -nn); see the file's header for the command. */
  static List<double[]> reference() throws Exception {
    Path f = Path.of(System.getProperty("moho.repo"))
        .resolve("pipelines/src/test/resources/reference/grdtrack_pac_residual.txt");
    List<double[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(f)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] v = line.trim().split("\\s+");
      out.add(new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3])});
    }
    return out;
  }

  static GridTile grid() {
    return EsriGrids.read(EsriGrids.repo("data/bathymetry/pac_residual_topo.asc"));
  }

  @Test
  void bilinearInsideAndNearestInTheOuterHalfCellAgreeWithGrdtrack() throws Exception {
    GridTile whole = grid();
    List<double[]> ref = reference();
    assertEquals(8, ref.size());
    // Tiled with a halo of 1 and of 0 (no neighbour beyond a tile: nearest there), and whole.
    for (List<GridTile> tiles : List.of(List.of(whole), EsriGrids.tiles(whole, 100, 1))) {
      GridSampler s = new GridSampler(tiles);
      for (double[] r : ref) {
        boolean outerHalfCell = r[0] < 160 + 1 / 24.0 || r[0] > 210 - 1 / 24.0;
        // GMT extrapolates in the outer half cell; grid.sample gives the edge node there, as -nn does.
        double want = outerHalfCell ? r[3] : r[2];
        assertEquals(want, s.at(r[0], r[1]), 1e-3, "at " + r[0] + "," + r[1]);
        assertEquals(want, s.at(r[0] - 360, r[1]), 1e-3, "longitude -180..180 at " + r[0]);
      }
    }
    GridSampler s = new GridSampler(List.of(whole));
    assertTrue(Double.isNaN(s.at(159.9, 30)), "west of the grid");
    assertTrue(Double.isNaN(s.at(180, 55.1)), "north of the grid");
  }

  @Test
  void stageAddsTheColumnCountsMissingValuesAndRejectsRowsWithoutPosition() throws Exception {
    GridTile whole = grid();
    List<double[]> ref = reference();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) rows.add(row("p" + i, ref.get(i)[0], ref.get(i)[1]));
    rows.add(row("outside", 150.0, 30.0));
    Map<String, Object> noLat = new LinkedHashMap<>();
    noLat.put("lon", 170.0);
    noLat.put("lat", "n/a");
    rows.add(new Row("bad", noLat));

    Pipeline p = StageHarness.pipeline();
    GridSample.Config config = StageHarness.bind(GridSample.Config.class, "{column: z}");
    PCollectionTuple out = StageHarness.apply("sample", new GridSample(), config, Path.of(System.getProperty("java.io.tmpdir")), p,
        StageHarness.of(p, Row.class, rows), StageHarness.of(p, GridTile.class, EsriGrids.tiles(whole, 150, 2)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(got -> {
      int n = 0;
      for (Row r : got) {
        n++;
        if (r.key().equals("outside")) {
          assertNull(r.get("z"));
          continue;
        }
        double[] want = ref.get(Integer.parseInt(r.key().substring(1)));
        assertEquals(want[2], r.number("z"), 1e-3, r.key());
        assertEquals(want[0], r.number("lon"));
      }
      assertEquals(7, n);
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<ErrorRecord> e = new ArrayList<>();
      errs.forEach(e::add);
      assertEquals(1, e.size());
      assertEquals("bad", e.get(0).key());
      assertTrue(e.get(0).reason().contains("lat"), e.get(0).reason());
      return null;
    });
    GridSample.Config filling = StageHarness.bind(GridSample.Config.class, "{column: z, fill: -1}");
    PCollectionTuple filled = StageHarness.apply("filling", new GridSample(), filling, Path.of(System.getProperty("java.io.tmpdir")), p,
        StageHarness.of(p, Row.class, List.of(row("outside", 150.0, 30.0))), StageHarness.of(p, GridTile.class, List.of(whole)));
    PAssert.that(StageOutputs.<Row>main(filled)).satisfies(got -> {
      for (Row r : got) assertEquals(-1.0, r.number("z"));
      return null;
    });
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertEquals(1, StageHarness.counter(r, "sample", "missing"));
    assertEquals(1, StageHarness.counter(r, "filling", "filled"));
    assertEquals(0, StageHarness.counter(r, "filling", "missing"));
  }

  static Row row(String key, double lon, double lat) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lon", lon);
    v.put("lat", lat);
    return new Row(key, v);
  }
}
