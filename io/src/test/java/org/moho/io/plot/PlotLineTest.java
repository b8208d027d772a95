package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

class PlotLineTest {
  /**
   * Viscosity against temperature of two bundled melts (ViscoAG, Le Losq &amp; Neuville 2017) as one
   * wide table: a row per measurement, NaN in the other melt's column.
   */
  private static List<Row> viscosities() throws IOException {
    List<Row> rows = new ArrayList<>();
    Path dir = Path.of(System.getProperty("moho.repo")).resolve("data/glass/viscoag");
    for (String melt : List.of("NS3", "KS3")) {
      List<String> lines = Files.readAllLines(dir.resolve(melt + ".csv"));
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("T", Double.parseDouble(f[4].trim()));
        v.put("NS3", melt.equals("NS3") ? Double.parseDouble(f[5]) : Double.NaN);
        v.put("KS3", melt.equals("KS3") ? Double.parseDouble(f[5]) : Double.NaN);
        rows.add(new Row(melt + ".csv:" + (i + 1), v));
      }
    }
    return rows;
  }

  @Test
  void drawsViscosityAgainstTemperatureForTwoMelts() throws IOException {
    Path png = Pngs.folder().resolve("line_viscosity.png");
    Files.deleteIfExists(png);
    List<Row> rows = new ArrayList<>(viscosities());
    assertEquals(17 + 19, rows.size()); // data lines of NS3.csv and KS3.csv (`grep -c ""` minus the header)
    rows.add(new Row("no-T", Map.of("NS3", 1.0, "KS3", 2.0)));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("visc", StageInputs.of(in), new PlotLine().create(
        new PlotLine.Config(png, "T", List.of("NS3", "KS3"), "Viscosity of Na2O-3SiO2 (NS3) and K2O-3SiO2 (KS3) melts",
            "Temperature (K)", "Viscosity (log10 Pa s)", false, 1600, 1000, 300),
        new StageContext("visc", png.getParent(), png.getParent(), false)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(written -> {
      List<Row> all = new ArrayList<>();
      written.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals(36L, all.get(0).get("points"));
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      List<ErrorRecord> all = new ArrayList<>();
      errors.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("no-T", all.get(0).key());
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long nan = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("visc", "skipped.nan")).build()).getCounters().iterator().next().getAttempted();
    assertEquals(36, nan); // each row has the other melt's column empty
    Pngs.readChecked(png, 1600, 1000, 300);
  }
}
