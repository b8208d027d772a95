package org.moho.pipelines.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/** features.rows: one row per vector, key and chosen metadata first, then the values as doubles. */
class FeaturesAsRowsTest {
  @Test
  void eachVectorBecomesOneRowWithItsMetadataAndValues() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<FeatureVector> in = p.apply(Create.of(List.of(
        new FeatureVector("II.TLY..BHZ@w0", new float[] {0.25f, 0.75f}, Map.of("station", "TLY", "sample_rate", "20.0")),
        new FeatureVector("II.TLY..BHZ@w1", new float[] {1f, 0f}, Map.of("sample_rate", "20.0"))))
        .withCoder(SerializableCoder.of(FeatureVector.class)));
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    PCollectionTuple out = Pipeline.applyTransform("rows", StageInputs.of(in), new FeaturesAsRows()
        .create(new FeaturesAsRows.Config("bin", List.of("station")), new StageContext("rows", tmp, tmp, false)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<String> got = new ArrayList<>();
      rows.forEach(r -> got.add(r.key() + " " + r.values()));
      got.sort(null);
      assertEquals(List.of(
          "II.TLY..BHZ@w0 {key=II.TLY..BHZ@w0, station=TLY, bin0=0.25, bin1=0.75}",
          "II.TLY..BHZ@w1 {key=II.TLY..BHZ@w1, station=null, bin0=1.0, bin1=0.0}"), got);
      return null;
    });
    PAssert.that(StageOutputs.<ErrorRecord>errors(out)).satisfies(errors -> {
      org.junit.jupiter.api.Assertions.assertFalse(errors.iterator().hasNext(), "no errors");
      return null;
    });
    p.run().waitUntilFinish();
  }
}
