package org.moho.io.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.io.testdata.SeamountCatalogue;

class GeoJsonWriteTest {
  @TempDir Path out;

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  /** Seamount list rows as detections: score = VGG (Eotvos), attributes radius and crust age. */
  private static List<Detection> seamountDetections() throws IOException {
    List<Detection> d = new ArrayList<>();
    for (Row r : SeamountCatalogue.rows()) {
      Map<String, Object> attrs = new HashMap<>();
      attrs.put("radius_km", r.number("RADIUS"));
      attrs.put("crust_age_myr", r.number("CRUST_AGE"));
      d.add(new Detection(r.key(), r.number("LON"), r.number("LAT"), r.number("VGG"), attrs));
    }
    return d;
  }

  /** The stage's one output row: the file and its feature count (PAssert without hamcrest). */
  private static Void onlyRow(Iterable<Row> written, String file, long features) {
    List<Row> rows = new ArrayList<>();
    written.forEach(rows::add);
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(file, rows.get(0).get("path"));
    assertEquals(features, rows.get(0).get("features"));
    return null;
  }

  private static Map<String, JsonObject> featuresById(JsonObject fc) {
    Map<String, JsonObject> byId = new HashMap<>();
    for (JsonElement f : fc.getAsJsonArray("features")) byId.put(f.getAsJsonObject().get("id").getAsString(), f.getAsJsonObject());
    return byId;
  }

  @Test
  void writesTheSeamountCatalogueAsAFeatureCollection() throws IOException {
    List<Detection> detections = new ArrayList<>(seamountDetections());
    detections.add(new Detection("bad:lat", 170, 95, 1, Map.of()));
    detections.add(new Detection("bad:nan", Double.NaN, 20, 1, Map.of()));
    Path file = out.resolve("seamounts.geojson");
    String name = file.toString();

    Pipeline p = pipeline();
    PCollection<Detection> in = p.apply(Create.of(detections).withCoder(SerializableCoder.of(Detection.class)));
    PCollectionTuple result = Pipeline.applyTransform("write", StageInputs.of(in),
        new GeoJsonWrite().create(new GeoJsonWrite.Config(file, null), new StageContext("write", out, out, false)));
    PAssert.that(StageOutputs.<Row>main(result)).satisfies(written -> onlyRow(written, name, 454));
    PAssert.that(StageOutputs.errors(result)).satisfies(errors -> {
      List<String> keys = new ArrayList<>();
      for (ErrorRecord e : errors) keys.add(e.key() + ": " + e.reason());
      keys.sort(null);
      assertEquals(List.of("bad:lat: latitude 95.0 is outside -90..90",
          "bad:nan: position is not finite: lon NaN, lat 20.0"), keys);
      return null;
    });
    p.run().waitUntilFinish();

    JsonObject fc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals("FeatureCollection", fc.get("type").getAsString());
    assertEquals("seamounts", fc.get("name").getAsString());
    JsonArray features = fc.getAsJsonArray("features");
    assertEquals(454, features.size()); // the file's 454 data lines (data/NOTICE.md)
    for (JsonElement e : features) {
      JsonObject f = e.getAsJsonObject();
      assertEquals("Feature", f.get("type").getAsString());
      assertEquals("Point", f.getAsJsonObject("geometry").get("type").getAsString());
      JsonArray c = f.getAsJsonObject("geometry").getAsJsonArray("coordinates");
      assertTrue(c.get(0).getAsDouble() >= -180 && c.get(0).getAsDouble() <= 180, "lon in -180..180: " + c);
    }
    Map<String, JsonObject> byId = featuresById(fc);
    // First data line of the file: 148.95 19.657517 131.1 24.56 148.32852
    JsonObject first = byId.get("seamounts:0015");
    assertEquals(148.95, first.getAsJsonObject("geometry").getAsJsonArray("coordinates").get(0).getAsDouble());
    assertEquals(19.657517, first.getAsJsonObject("geometry").getAsJsonArray("coordinates").get(1).getAsDouble());
    JsonObject props = first.getAsJsonObject("properties");
    assertEquals(131.1, props.get("score").getAsDouble());
    assertTrue(props.get("score").getAsJsonPrimitive().isNumber(), "numbers stay numbers");
    assertEquals(24.56, props.get("radius_km").getAsDouble());
    assertEquals(148.32852, props.get("crust_age_myr").getAsDouble());

    // A seamount east of the antimeridian, written 0..360 in the file, comes out as -180..180.
    Detection east = seamountDetections().stream().filter(d -> d.lon() > 200).findFirst().orElseThrow();
    JsonArray c = byId.get(east.key()).getAsJsonObject("geometry").getAsJsonArray("coordinates");
    assertEquals(east.lon() - 360, c.get(0).getAsDouble(), 1e-9);

    // Unknown crust age (NaN in the file) is JSON null, not the string "NaN".
    Detection noAge = seamountDetections().stream().filter(d -> Double.isNaN((Double) d.attributes().get("crust_age_myr")))
        .findFirst().orElseThrow();
    JsonObject noAgeProps = byId.get(noAge.key()).getAsJsonObject("properties");
    assertTrue(noAgeProps.has("crust_age_myr"));
    assertTrue(noAgeProps.get("crust_age_myr").isJsonNull());

    // Sorted by key: the file is the same whatever order the runner delivered.
    List<String> ids = new ArrayList<>();
    for (JsonElement e : features) ids.add(e.getAsJsonObject().get("id").getAsString());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids);
    assertFalse(Files.list(out).anyMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temporary file left");
  }

  @Test
  void rowsWithNamedColumnsBecomeFeaturesAndBadRowsBecomeErrors() throws IOException {
    List<Row> rows = new ArrayList<>(SeamountCatalogue.rows());
    rows.add(new Row("no-lat", Map.of("LON", 170.0)));
    rows.add(new Row("text-lon", Map.of("LON", "east", "LAT", 20.0)));
    Path file = out.resolve("catalogue.geojson");
    String name = file.toString();

    Pipeline p = pipeline();
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple result = Pipeline.applyTransform("rows", StageInputs.of(in), new GeoJsonWriteRows().create(
        new GeoJsonWriteRows.Config(file, "LON", "LAT", "Wessel & Lyons 1997"), new StageContext("rows", out, out, false)));
    PAssert.that(StageOutputs.<Row>main(result)).satisfies(written -> onlyRow(written, name, 454));
    PAssert.that(StageOutputs.errors(result)).satisfies(errors -> {
      List<String> keys = new ArrayList<>();
      for (ErrorRecord e : errors) keys.add(e.key() + ": " + e.reason());
      keys.sort(null);
      assertEquals(List.of("no-lat: no column 'LAT'; columns: LON", "text-lon: column 'LON' is not a number"), keys);
      return null;
    });
    p.run().waitUntilFinish();

    JsonObject fc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals("Wessel & Lyons 1997", fc.get("name").getAsString());
    JsonObject first = featuresById(fc).get("seamounts:0015");
    JsonObject props = first.getAsJsonObject("properties");
    assertEquals(List.of("VGG", "RADIUS", "CRUST_AGE"), new ArrayList<>(props.keySet()), "position columns are the geometry");
    assertEquals(131.1, props.get("VGG").getAsDouble());
    assertNull(props.get("LON"));
  }

  @Test
  void noInputStillWritesAnEmptyFeatureCollection() throws IOException {
    Path file = out.resolve("none.geojson");
    String name = file.toString();
    Pipeline p = pipeline();
    PCollection<Detection> in = p.apply(Create.empty(SerializableCoder.of(Detection.class)));
    PCollectionTuple result = Pipeline.applyTransform("write", StageInputs.of(in),
        new GeoJsonWrite().create(new GeoJsonWrite.Config(file, null), new StageContext("write", out, out, false)));
    PAssert.that(StageOutputs.<Row>main(result)).satisfies(written -> onlyRow(written, name, 0));
    p.run().waitUntilFinish();
    JsonObject fc = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    assertEquals(0, fc.getAsJsonArray("features").size());
  }

  @Test
  void longitudesAreBroughtIntoMinus180To180() {
    assertEquals(-170.0, GeoJsonFeatures.normaliseLongitude(190));
    assertEquals(170.0, GeoJsonFeatures.normaliseLongitude(-190));
    assertEquals(0.0, GeoJsonFeatures.normaliseLongitude(360));
    assertEquals(180.0, GeoJsonFeatures.normaliseLongitude(180));
    assertEquals(-180.0, GeoJsonFeatures.normaliseLongitude(-180));
    assertEquals(180.0, GeoJsonFeatures.normaliseLongitude(540));
    assertEquals(-1.5, GeoJsonFeatures.normaliseLongitude(358.5), 1e-12);
  }

  /** GDAL's own reader is the closest thing to "it opens in QGIS" (QGIS reads GeoJSON through GDAL). */
  @Test
  void ogrinfoOpensTheFileAndCountsTheFeatures() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(onPath("ogrinfo"), "ogrinfo (gdal-bin) is not installed");
    Path file = out.resolve("seamounts.geojson");
    String name = file.toString();
    Pipeline p = pipeline();
    PCollection<Detection> in = p.apply(Create.of(seamountDetections()).withCoder(SerializableCoder.of(Detection.class)));
    Pipeline.applyTransform("write", StageInputs.of(in),
        new GeoJsonWrite().create(new GeoJsonWrite.Config(file, null), new StageContext("write", out, out, false)));
    p.run().waitUntilFinish();

    Process ogr = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", file.toString()).redirectErrorStream(true).start();
    String report = new String(ogr.getInputStream().readAllBytes());
    assertTrue(ogr.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, ogr.exitValue(), report);
    assertTrue(report.contains("Layer name: seamounts"), report);
    assertTrue(report.contains("Geometry: Point"), report);
    assertTrue(report.contains("Feature Count: 454"), report);
    assertTrue(report.contains("score: Real"), report);
    assertTrue(report.contains("crust_age_myr: Real"), report);
    // The catalogue spans 148.1..219.6 E in 0..360; after normalisation the extent wraps the globe.
    assertTrue(report.contains("WGS 84"), report);
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) return true;
    }
    return false;
  }
}
