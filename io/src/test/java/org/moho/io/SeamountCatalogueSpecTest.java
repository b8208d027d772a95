package org.moho.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.run.PipelineRun;
import org.moho.core.run.RunReport;
import org.moho.core.spec.SpecLoader;
import org.moho.core.stage.StageRegistry;

/** The docs' YAML, end to end: table.read of the seamount list into geojson.write-rows and plot.histogram. */
class SeamountCatalogueSpecTest {
  @TempDir Path tmp;

  @Test
  void theCatalogueBecomesAGeoJsonLayerAndAHistogram() throws Exception {
    Path catalogue = Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry/seamounts_WL97_north17.txt");
    Path spec = tmp.resolve("seamounts.yaml");
    Files.writeString(spec, """
        pipeline: {name: seamount-catalogue}
        stages:
          - id: seamounts
            use: table.read
            with:
              path: %s
              delimiter: ' '
              columns: [LON, LAT, VGG, RADIUS, CRUST_AGE]
          - id: seamounts_geojson
            use: geojson.write-rows
            from: seamounts
            with: {path: "${out}/seamounts.geojson", lon_column: LON, lat_column: LAT, name: Wessel & Lyons 1997}
          - id: age_histogram
            use: plot.histogram
            from: seamounts
            with: {path: "${out}/crust_age.png", column: CRUST_AGE, x_label: Crustal age, units: Myr, bins: 30}
        """.formatted(catalogue));
    Path out = tmp.resolve("out");
    PipelineGraph g = new GraphBuilder(StageRegistry.discover(getClass().getClassLoader()))
        .build(new SpecLoader().load(spec), Map.of(), out, Map.of(), tmp);
    RunReport r = new PipelineRun(g, PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create(), "direct", false)
        .execute(new PrintWriter(new StringWriter()));
    assertTrue(r.succeeded(), r.cause());
    assertEquals(0, r.stage("seamounts_geojson").errors());
    assertEquals(1, r.stage("seamounts_geojson").out());
    JsonObject fc = JsonParser.parseString(Files.readString(out.resolve("seamounts.geojson"))).getAsJsonObject();
    assertEquals(454, fc.getAsJsonArray("features").size());
    assertEquals("Wessel & Lyons 1997", fc.get("name").getAsString());
    // 11 unknown ages ("NaN" in the file, a missing value to table.read) are counted, not errors.
    assertEquals(0, r.stage("age_histogram").errors());
    assertEquals(11L, r.stage("age_histogram").other().get("skipped.nan"), r.stage("age_histogram").toString());
    assertTrue(Files.size(out.resolve("crust_age.png")) > 10_000);
  }
}
