package org.moho.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/**
 * The Wessel & Lyons (1997) seamounts north of 17 N: 454 rows, of which (data/NOTICE.md, and
 * awk on the file) 308 lie inside pac_residual_topo, 306 inside HI_topo_02_north17 and 57 inside
 * HI_topo_04.
 */
class CatalogReadTest {
  private static final Path REPO = Path.of(System.getProperty("moho.repo"));
  private static final Path DATA = REPO.resolve("data/bathymetry");
  private static final Path SEAMOUNTS = DATA.resolve("seamounts_WL97_north17.txt");

  @Test
  void columnsAndTypesFromTheLastCommentLine() throws IOException {
    CatalogTable t = CatalogTable.scan(SEAMOUNTS, Delimiter.AUTO, null);
    assertEquals(List.of("lon", "lat", "vgg", "radius", "crust_age"), t.columns());
    assertEquals(Double.class, t.type("crust_age"));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    t.rows((line, lon, lat, values) -> {
      rows.add(values);
      lines.add(line);
    }, e -> {
      throw new AssertionError(e.toString());
    });
    assertEquals(454, rows.size());
    // first data line (line 15): 148.95 19.657517 131.1 24.56 148.32852
    assertEquals(15, lines.get(0));
    assertEquals(Map.of("lon", 148.95, "lat", 19.657517, "vgg", 131.1, "radius", 24.56, "crust_age", 148.32852), rows.get(0));
    assertEquals(11, rows.stream().filter(r -> r.get("crust_age") == null).count()); // grep -v "^#" | grep -c NaN
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private static PCollectionTuple read(Pipeline p, String id, CatalogReadConfig c, Path tmp) {
    return Pipeline.applyTransform(id, StageInputs.none(p), new CatalogRead().create(c, new StageContext(id, tmp, tmp, false)));
  }

  private static Void count(Iterable<Row> rows, int expected) {
    int n = 0;
    for (Row r : rows) {
      n++;
      assertTrue(r.key().startsWith("seamounts_WL97_north17.txt:"), r.key());
      assertTrue(r.get("lon") instanceof Double && r.get("lat") instanceof Double);
    }
    assertEquals(expected, n);
    return null;
  }

  @Test
  void clipsToRegionsAndGridExtents(@TempDir Path tmp) {
    Pipeline p = pipeline();
    PCollectionTuple all = read(p, "all", new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, null, null), tmp);
    PCollectionTuple pac = read(p, "pac", new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, null, DATA.resolve("pac_residual_topo.nc")), tmp);
    PCollectionTuple hi2 = read(p, "hi2", new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, null, DATA.resolve("HI_topo_02_north17.nc")), tmp);
    PCollectionTuple hi4 = read(p, "hi4", new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, null, DATA.resolve("HI_topo_04.asc")), tmp);
    // The same box as HI_topo_04, in -180..180 longitudes: compared modulo 360.
    PCollectionTuple box = read(p, "box", new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, List.of(-165.0, -150.0, 18.0, 25.0), null), tmp);
    PAssert.that(StageOutputs.<Row>main(all)).satisfies(r -> count(r, 454));
    PAssert.that(StageOutputs.<Row>main(pac)).satisfies(r -> count(r, 308));
    PAssert.that(StageOutputs.<Row>main(hi2)).satisfies(r -> count(r, 306));
    PAssert.that(StageOutputs.<Row>main(hi4)).satisfies(r -> count(r, 57));
    PAssert.that(StageOutputs.<Row>main(box)).satisfies(r -> count(r, 57));
    for (PCollectionTuple t : List.of(all, pac, hi2, hi4, box)) {
      PAssert.that(StageOutputs.errors(t)).satisfies(CatalogReadTest::none);
    }
    var result = p.run();
    result.waitUntilFinish();
    var q = org.apache.beam.sdk.metrics.MetricsFilter.builder()
        .addNameFilter(org.apache.beam.sdk.metrics.MetricNameFilter.named("pac", "skipped.outside_region")).build();
    long skipped = 0;
    for (var c : result.metrics().queryMetrics(q).getCounters()) skipped += c.getAttempted();
    assertEquals(454 - 308, skipped);
  }

  static Void none(Iterable<?> items) {
    java.util.Iterator<?> it = items.iterator();
    assertTrue(!it.hasNext(), () -> "expected nothing, got " + it.next());
    return null;
  }

  /** A CSV with a header line, a short line and a line without a position: two error records. */
  @Test
  void badLinesBecomeErrorRecords(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(csv, "# made for the test\nlatitude,longitude,depth,name\n19.5,-155.3,10,Kilauea\n20.1,-155.9\nNaN,-150,3,nowhere\n19.4,-155.2,7,Pahala\n");
    Pipeline p = pipeline();
    PCollectionTuple out = read(p, "events", new CatalogReadConfig(csv, Delimiter.AUTO, null, null, null), tmp);
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      list.sort(java.util.Comparator.comparing(Row::key));
      assertEquals(2, list.size());
      assertEquals("events.csv:3", list.get(0).key());
      assertEquals(List.of("lon", "lat", "depth", "name"), List.copyOf(list.get(0).values().keySet()));
      assertEquals(-155.3, list.get(0).get("lon"));
      assertEquals(19.5, list.get(0).get("lat"));
      assertEquals(10L, list.get(0).get("depth"));
      assertEquals("Pahala", list.get(1).get("name"));
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      List<ErrorRecord> list = new ArrayList<>();
      errors.forEach(list::add);
      list.sort(java.util.Comparator.comparing(ErrorRecord::key));
      assertEquals(2, list.size());
      assertEquals("events.csv:4", list.get(0).key());
      assertEquals("expected 4 fields (lat lon depth name), got 2", list.get(0).reason());
      assertEquals("20.1,-155.9", list.get(0).value());
      assertEquals("events.csv:5", list.get(1).key());
      assertEquals("longitude/latitude is not a number", list.get(1).reason());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void regionIsValidated() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, List.of(1.0, 2.0, 3.0), null));
    assertEquals("region", e.key());
    e = assertThrows(ConfigException.class,
        () -> new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, List.of(10.0, 2.0, 3.0, 4.0), null));
    assertEquals("region", e.key());
    assertNull(new CatalogReadConfig(SEAMOUNTS, Delimiter.AUTO, null, null, null).region());
  }
}
