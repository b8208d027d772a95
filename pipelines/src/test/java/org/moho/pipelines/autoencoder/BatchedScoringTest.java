package org.moho.pipelines.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.Row;
import org.moho.core.data.RowBatch;
import org.moho.core.graph.FusedStages;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageOutputs;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.bundle.ModelBundle;
import org.moho.pipelines.batch.BatchRecords;
import org.moho.pipelines.batch.UnbatchRows;

/**
 * batch → autoencoder.score-batches → unbatch gives what autoencoder.score gives, on real bathymetry
 * patches, whether the last two run as two steps or fused into one.
 */
class BatchedScoringTest {

  @Test
  void batchedScoringEqualsRecordByRecordScoring(@TempDir Path tmp) throws Exception {
    List<Patch> patches = RealRecords.topoPatches(8, 4, 300);
    assertEquals(300, patches.size());
    Path model = tmp.resolve("model");
    ModelBundle.write(model, new AutoencoderTrainer(AutoencoderConfig.dense(List.of(16, 4)).withTraining(3, 32, 3e-3, 11))
        .train(TrainingData.of(patches.stream().map(Patch::values).toArray(float[][]::new))));

    List<KeyedValues> records = new ArrayList<>(patches);
    records.add(RealRecords.topoPatches(6, 6, 1).get(0)); // 36 values: an error
    float[] nan = patches.get(7).values().clone();
    nan[5] = Float.NaN;
    Patch bad = new Patch("nan-patch", 1, 2, 8, nan, Map.of());
    records.add(bad);

    Pipeline p = AutoencoderStagesTest.pipeline();
    PCollection<KeyedValues> in = p.apply(Create.of(records).withCoder(SerializableCoder.of(KeyedValues.class)));
    PCollectionTuple single = AutoencoderStagesTest.apply("single", new ScoreAutoencoder(),
        new ScoreAutoencoder.Config(model, 1024, false, false), tmp, in);
    PCollectionTuple batches = AutoencoderStagesTest.apply("batches", new BatchRecords(), new BatchRecords.Config(64), tmp, in);
    PCollectionTuple scored = AutoencoderStagesTest.apply("scored", new ScoreAutoencoderBatches(),
        new ScoreAutoencoderBatches.Config(model, false, false), tmp, StageOutputs.<RecordBatch>main(batches));
    PCollectionTuple rows = AutoencoderStagesTest.apply("rows", new UnbatchRows(), new UnbatchRows.Config(), tmp,
        StageOutputs.<RowBatch>main(scored));

    // the same two stages as one step, as `moho run` compiles a chain of per-record stages
    FusedStages chain = FusedStages.of(List.of("fscored", "frows"), List.of(
        new ScoreAutoencoderBatches().recordFn(new ScoreAutoencoderBatches.Config(model, false, false),
            new StageContext("fscored", tmp, tmp, false)),
        new UnbatchRows().recordFn(new UnbatchRows.Config(), new StageContext("frows", tmp, tmp, false))), Row.class);
    PCollectionTuple fused = StageOutputs.<Object>main(batches).apply("fused", chain);
    AutoencoderStagesTest.assertExactly(StageOutputs.errors(chain.stageOutputs(fused, 0)),
        ErrorRecord.of("fscored", records.get(300).key(),
            "has 36 values but the model " + model + " takes 64: use the same window or patch size as in training"),
        ErrorRecord.of("fscored", "nan-patch", "value 5 is NaN; the model needs finite values"));
    assertNone(StageOutputs.errors(chain.stageOutputs(fused, 1)));

    PAssert.that(StageOutputs.<RecordBatch>main(batches)).satisfies(bs -> {
      int n = 0;
      for (RecordBatch b : bs) {
        assertTrue(b.size() >= 1 && b.size() <= 64, "batch of " + b.size());
        n += b.size();
      }
      assertEquals(302, n, "every record in exactly one batch");
      return null;
    });
    assertNone(StageOutputs.errors(batches));
    AutoencoderStagesTest.assertExactly(StageOutputs.errors(scored),
        ErrorRecord.of("scored", records.get(300).key(),
            "has 36 values but the model " + model + " takes 64: use the same window or patch size as in training"),
        ErrorRecord.of("scored", "nan-patch", "value 5 is NaN; the model needs finite values"));
    assertNone(StageOutputs.errors(rows));
    // both paths give, record by record, what the bundle's scorer gives for the whole set at once
    org.moho.models.autoencoder.Scores direct = org.moho.models.autoencoder.ReconstructionErrorScorer.load(model)
        .score(patches.stream().map(Patch::values).toArray(float[][]::new), false, false);
    Map<String, double[]> expected = new HashMap<>();
    for (int i = 0; i < patches.size(); i++) {
      Patch q = patches.get(i);
      expected.put(q.key(), new double[] {q.lon(), q.lat(), direct.mse()[i], direct.e()[i]});
    }
    for (PCollection<Row> out : List.of(StageOutputs.<Row>main(single), StageOutputs.<Row>main(rows),
        StageOutputs.<Row>main(chain.stageOutputs(fused, 1)))) {
      PAssert.that(out).satisfies(rs -> {
        int n = 0;
        for (Row r : rs) {
          assertEquals(List.of("lon", "lat", "mse", "e", "units"), List.copyOf(r.values().keySet()), r.key());
          double[] want = expected.get(r.key());
          assertEquals(want[0], r.number("lon"), 0.0, r.key());
          assertEquals(want[1], r.number("lat"), 0.0, r.key());
          assertEquals(want[2], r.number("mse"), 1e-6 * want[2], r.key() + " mse");
          assertEquals(want[3], r.number("e"), 1e-6 * want[3], r.key() + " e");
          assertEquals(32 * r.number("mse"), r.number("e"), 1e-6 * r.number("e"), "E = n/2 MSE, n = 64");
          n++;
        }
        assertEquals(300, n);
        return null;
      });
    }
    p.run().waitUntilFinish();
  }

  /** PAssert's empty() needs Hamcrest, which is not on this classpath. */
  static void assertNone(PCollection<ErrorRecord> errors) {
    PAssert.that(errors).satisfies(es -> {
      List<ErrorRecord> got = new ArrayList<>();
      es.forEach(got::add);
      assertEquals(List.of(), got);
      return null;
    });
  }
}
