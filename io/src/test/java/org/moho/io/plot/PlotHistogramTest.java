package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.io.testdata.SeamountCatalogue;

class PlotHistogramTest {
  /**
   * Seamount radii (km) in 2 km bins over 10..42, from GMT 6.4 and numpy 1.x alike:
   * {@code grep -v '^#' seamounts_WL97_north17.txt | awk '{print $4}' | gmt pshistogram -T10/42/2 -Io}
   * and {@code numpy.histogram(radius, bins=16, range=(10, 42))}.
   */
  private static final long[] RADIUS_COUNTS = {0, 19, 62, 65, 54, 64, 48, 42, 37, 20, 20, 13, 4, 3, 1, 2};

  @Test
  void binsTheSeamountRadiiLikeGmt() throws IOException {
    double[] radii = SeamountCatalogue.rows().stream().mapToDouble(r -> r.number("RADIUS")).toArray();
    HistogramFigure.Bins b = HistogramFigure.bin(radii, 16, 10.0, 42.0);
    assertArrayEquals(RADIUS_COUNTS, b.counts());
    assertEquals(0, b.outside());
    assertEquals(2.0, b.width());
  }

  @Test
  void drawsTheCrustAgeHistogramAndCountsTheUnknownAges() throws IOException {
    Path png = Pngs.folder().resolve("histogram_crust_age.png");
    Files.deleteIfExists(png);
    List<Row> rows = new ArrayList<>(SeamountCatalogue.rows());
    rows.add(new Row("text", Map.of("CRUST_AGE", "old")));
    Map<String, Object> missing = new java.util.HashMap<>();
    missing.put("CRUST_AGE", null); // how table.read gives an empty cell
    rows.add(new Row("missing", missing));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("ages", StageInputs.of(in), new PlotHistogram().create(
        new PlotHistogram.Config(png, "CRUST_AGE", 30, null, "Age of the sea floor under the seamounts (Wessel & Lyons 1997)",
            "Crustal age", "Myr", false, 1600, 1000, 300),
        new StageContext("ages", png.getParent(), png.getParent(), false)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(written -> {
      List<Row> all = new ArrayList<>();
      written.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals(454L - 11L, all.get(0).get("values")); // 11 ages are NaN in the file
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      List<ErrorRecord> all = new ArrayList<>();
      errors.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("column 'CRUST_AGE' is not a number", all.get(0).reason());
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long nan = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("ages", "skipped.nan")).build()).getCounters().iterator().next().getAttempted();
    assertEquals(11 + 1, nan); // awk '$5=="NaN"' counts 11, plus the missing value
    Pngs.readChecked(png, 1600, 1000, 300);
  }

  @Test
  void valuesOutsideAGivenRangeAreCountedNotBinned() throws IOException {
    double[] radii = SeamountCatalogue.rows().stream().mapToDouble(r -> r.number("RADIUS")).toArray();
    HistogramFigure.Bins b = HistogramFigure.bin(radii, 8, 12.0, 28.0);
    long inBins = java.util.Arrays.stream(b.counts()).sum();
    // 19+62+65+54+64+48+42+37 radii in 12..28 (the GMT bins above); 28 itself is in the last bin.
    long expected = 19 + 62 + 65 + 54 + 64 + 48 + 42 + 37
        + java.util.Arrays.stream(radii).filter(r -> r == 28.0).count();
    assertEquals(expected, inBins);
    assertEquals(454 - expected, b.outside());
  }
}
