package org.moho.pipelines.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/**
 * table.log1p: ln(1 + x) beside the original columns; expected values from Python's math.log1p
 * ({@code python3 -c "import math; print(math.log1p(1000.0), math.log1p(73.5), math.log1p(3.5))"}).
 */
class LogColumnsTest {
  private static Row row(String key, Object height, Object e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lon", 190.0);
    v.put("height", height);
    if (e != null) v.put("e", e);
    return new Row(key, v);
  }

  @Test
  void addsLog1pColumnsAndSendsRowsWithoutALogarithmToErrors() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Row> in = p.apply(Create.of(List.of(
        row("a", 1000.0, 73.5), row("b", 0L, 3.5), row("c", 10.0, null), row("d", -2.0, 1.0), row("f", "tall", 1.0)))
        .withCoder(SerializableCoder.of(Row.class)));
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    PCollectionTuple out = Pipeline.applyTransform("logs", StageInputs.of(in), new LogColumns()
        .create(new LogColumnsConfig(List.of("height", "e"), "log_"), new StageContext("logs", tmp, tmp, false)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<String> got = new ArrayList<>();
      rows.forEach(r -> got.add(r.key() + " " + r.values()));
      got.sort(null);
      assertEquals(List.of(
          "a {lon=190.0, height=1000.0, e=73.5, log_height=6.90875477931522, log_e=4.310799125385514}",
          "b {lon=190.0, height=0, e=3.5, log_height=0.0, log_e=1.5040773967762742}"), got);
      return null;
    });
    PAssert.that(StageOutputs.<ErrorRecord>errors(out)).satisfies(errors -> {
      List<String> got = new ArrayList<>();
      errors.forEach(e -> got.add(e.key() + ": " + e.reason()));
      got.sort(null);
      assertEquals(List.of(
          "c: no value in column 'e'",
          "d: column 'height' is -2.0: ln(1 + x) needs x > -1",
          "f: column 'height' is not a number"), got);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void refusesAnEmptyColumnListAndAnEmptyPrefix() {
    assertEquals("columns", org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> new LogColumnsConfig(List.of(), "log_")).key());
    assertEquals("prefix", org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> new LogColumnsConfig(List.of("e"), "")).key());
  }
}
