package org.moho.pipelines.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.autoencoder.ActivationKind;
import org.moho.models.autoencoder.Architecture;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.autoencoder.LatentIndex;
import org.moho.models.autoencoder.LearningRateSchedule;
import org.moho.models.autoencoder.Neighbour;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.Scores;
import org.moho.models.autoencoder.UpdaterKind;
import org.moho.models.bundle.ModelBundle;
import org.moho.models.bundle.ModelInfo;

class AutoencoderStagesTest {

  /**
   * One DirectRunner worker thread: a DoFn waiting for a side input (the model Row) is retried in
   * empty bundles while the model trains, and on 2 vCPUs more threads only steal the trainer's CPU.
   */
  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--targetParallelism=1").create());
  }

  static TrainAutoencoder.Config train(List<Integer> layers, int epochs, Path path) {
    return new TrainAutoencoder.Config(Architecture.DENSE, layers, 32, 5, ActivationKind.TANH, ActivationKind.IDENTITY,
        -1, 1, UpdaterKind.ADAM, 3e-3, LearningRateSchedule.NONE, 0.5, 10, 32, epochs, 0, 0, 0.1, 0,
        Scaling.STANDARDIZE, 7, path, true, false, null, null, false);
  }

  @SuppressWarnings("unchecked")
  static <C extends Record> PCollectionTuple apply(String id, StageType<C> type, C config, Path out, PCollection<?>... in) {
    return Pipeline.applyTransform(id, StageInputs.of(in), type.create(config, new StageContext(id, out, out, false)));
  }

  /** PAssert's containsInAnyOrder needs Hamcrest, which is not on this classpath: compare as multisets. */
  @SafeVarargs
  static <T> void assertExactly(PCollection<T> pc, T... expected) {
    List<String> want = new ArrayList<>();
    for (T t : expected) want.add(String.valueOf(t));
    java.util.Collections.sort(want);
    PAssert.that(pc).satisfies(items -> {
      List<String> got = new ArrayList<>();
      items.forEach(i -> got.add(String.valueOf(i)));
      java.util.Collections.sort(got);
      assertEquals(want, got);
      return null;
    });
  }

  @Test
  void bundleTrainedByOnePipelineIsScoredByAnother(@TempDir Path tmp) throws Exception {
    Path model = tmp.resolve("model");
    String modelText = model.toString();
    List<KeyedValues> records = new ArrayList<>(RealRecords.windows(32, 300));
    records.add(RealRecords.windows(48, 1).get(0)); // another length: an error, not a crash
    float[] nan = records.get(5).values().clone();
    nan[3] = Float.NaN;
    records.add(new FeatureVector("CRLZ:nan", nan, Map.of()));

    Pipeline p1 = pipeline();
    PCollection<KeyedValues> data = p1.apply(Create.of(records).withCoder(
        org.apache.beam.sdk.coders.SerializableCoder.of(KeyedValues.class)));
    PCollectionTuple trained = apply("model", new TrainAutoencoder(), train(List.of(16, 4), 3, model), tmp, data);
    PAssert.that(StageOutputs.<Row>main(trained)).satisfies(rows -> {
      Row r = rows.iterator().next();
      assertEquals(modelText, r.get("path"));
      assertEquals(300L, r.get("records"));
      assertEquals(30L, r.get("validation_records"));
      assertEquals(32L, r.get("input_size"));
      assertEquals(3L, r.get("epochs"));
      return null;
    });
    assertExactly(StageOutputs.errors(trained),
        ErrorRecord.of("model", "CRLZ:000000", "has 48 values but the model takes 32 (the input size of this training set)"),
        ErrorRecord.of("model", "CRLZ:nan", "value 3 is NaN; an autoencoder needs finite values"));
    p1.run().waitUntilFinish();
    assertTrue(Files.exists(model.resolve("model.json")));
    assertTrue(Files.exists(tmp.resolve("model.checkpoints/LATEST")));

    // a second pipeline scores with the bundle on disk
    List<FeatureVector> toScore = RealRecords.windows(32, 40);
    ReconstructionErrorScorer direct = ReconstructionErrorScorer.load(model);
    Scores expected = direct.score(toScore.stream().map(FeatureVector::values).toArray(float[][]::new), false, false);
    Map<String, double[]> byKey = new HashMap<>();
    for (int i = 0; i < toScore.size(); i++) byKey.put(toScore.get(i).key(), new double[] {expected.mse()[i], expected.e()[i]});

    Pipeline p2 = pipeline();
    List<KeyedValues> scoring = new ArrayList<>(toScore);
    scoring.add(RealRecords.windows(48, 1).get(0));
    PCollection<KeyedValues> in = p2.apply(Create.of(scoring).withCoder(
        org.apache.beam.sdk.coders.SerializableCoder.of(KeyedValues.class)));
    PCollectionTuple scored = apply("scores", new ScoreAutoencoder(), new ScoreAutoencoder.Config(model, 16, true, false), tmp, in);
    PAssert.that(StageOutputs.<Row>main(scored)).satisfies(rows -> {
      int n = 0;
      for (Row r : rows) {
        double[] want = byKey.get(r.key());
        assertEquals(want[0], r.number("mse"), 1e-6 * want[0]);
        assertEquals(want[1], r.number("e"), 1e-6 * want[1]);
        assertEquals(16 * r.number("mse"), r.number("e"), 1e-5 * r.number("e")); // E = n/2 * MSE, n = 32
        assertEquals(4, ((String) r.get("latent")).split(" ").length);
        assertEquals("CRLZ", r.get("station"));
        n++;
      }
      assertEquals(40, n);
      return null;
    });
    assertExactly(StageOutputs.errors(scored),ErrorRecord.of("scores", "CRLZ:000000",
        "has 48 values but the model " + model + " takes 32: use the same window or patch size as in training"));
    p2.run().waitUntilFinish();
  }

  @Test
  void patchesTrainAndScoreInOnePipelineThroughTheModelPort(@TempDir Path tmp) throws Exception {
    List<Patch> patches = RealRecords.topoPatches(8, 8, 64);
    assertEquals(64, patches.size());
    Map<String, Patch> byKey = new HashMap<>();
    patches.forEach(q -> byKey.put(q.key(), q));
    String modelText = tmp.resolve("seamounts").toString();

    Pipeline p = pipeline();
    PCollection<Patch> data = p.apply(Create.of(patches));
    PCollectionTuple trained = apply("model", new TrainAutoencoder(), train(List.of(16, 4), 2, Path.of(modelText)), tmp, data);
    PCollectionTuple scored = apply("scores", new ScoreAutoencoder(), new ScoreAutoencoder.Config(null, 1024, false, false),
        tmp, data, StageOutputs.main(trained));
    PAssert.that(StageOutputs.<Row>main(scored)).satisfies(rows -> {
      ReconstructionErrorScorer direct = ReconstructionErrorScorer.load(Path.of(modelText));
      int n = 0;
      for (Row r : rows) {
        Patch src = byKey.get(r.key());
        assertEquals(src.lon(), r.number("lon"));
        assertEquals(src.lat(), r.number("lat"));
        assertEquals("m", r.get("units"));
        double want = direct.score(new float[][] {src.values()}, false, false).mse()[0];
        assertEquals(want, r.number("mse"), 1e-6 * want);
        n++;
      }
      assertEquals(64, n);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void thresholdAtAPercentileOfTheBundlesTrainingErrors(@TempDir Path tmp) throws Exception {
    List<Patch> patches = RealRecords.topoPatches(8, 8, 120);
    Path model = tmp.resolve("seamounts");
    ModelInfo info = ModelBundle.write(model, new AutoencoderTrainer(train(List.of(16, 4), 2, model).withoutPath()
        .trainer(null)).train(TrainingData.of(patches.stream().map(Patch::values).toArray(float[][]::new))));
    double t = info.errorAtPercentile(90);

    Pipeline p = pipeline();
    PCollection<Patch> data = p.apply(Create.of(patches));
    PCollectionTuple scored = apply("scores", new ScoreAutoencoder(), new ScoreAutoencoder.Config(model, 1024, false, false),
        tmp, data);
    PCollectionTuple flagged = apply("flagged", new ApplyThreshold(),
        new ApplyThreshold.Config(ThresholdMode.PERCENTILE, 90, "mse", model, "truth"), tmp, StageOutputs.<Row>main(scored));
    PAssert.that(StageOutputs.<Row>main(flagged)).satisfies(rows -> {
      int n = 0;
      int flaggedCount = 0;
      for (Row r : rows) {
        assertEquals(t, r.number("threshold"));
        assertEquals(r.number("mse") > t, r.get("label"));
        if ((Boolean) r.get("label")) flaggedCount++;
        n++;
      }
      assertEquals(120, n);
      // the 90th percentile of the 108 training patches: about a tenth of all 120 lie above
      assertTrue(flaggedCount >= 8 && flaggedCount <= 20, "flagged " + flaggedCount);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void encodeAndSearchWithABundleOnDisk(@TempDir Path tmp) throws Exception {
    List<Patch> patches = RealRecords.topoPatches(8, 8, 120);
    Map<String, Patch> byKey = new HashMap<>();
    patches.forEach(q -> byKey.put(q.key(), q));
    Path model = tmp.resolve("seamounts");
    ModelBundle.write(model, new AutoencoderTrainer(train(List.of(16, 4), 2, model).withoutPath().trainer(null))
        .train(TrainingData.of(patches.stream().map(Patch::values).toArray(float[][]::new))));
    // the expected neighbours: an index built directly on the encoder's codes
    ReconstructionErrorScorer s = ReconstructionErrorScorer.load(model);
    List<String> keys = new ArrayList<>(new TreeSet<>(byKey.keySet()));
    float[][] z = s.encode(keys.stream().map(k -> byKey.get(k).values()).toArray(float[][]::new));
    LatentIndex index = new LatentIndex(keys, z);
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      List<Neighbour> want = index.nearest(z[i], 3, keys.get(i));
      for (int r = 0; r < 3; r++) {
        expected.put(keys.get(i) + "#" + (r + 1), want.get(r).key() + " " + want.get(r).distance() + " "
            + byKey.get(want.get(r).key()).lon());
      }
    }

    Pipeline p = pipeline();
    PCollection<Patch> data = p.apply(Create.of(patches));
    PCollectionTuple codes = apply("codes", new EncodeAutoencoder(), new EncodeAutoencoder.Config(model, 50), tmp, data);
    PCollection<FeatureVector> codeVectors = StageOutputs.main(codes);
    PCollectionTuple similar = apply("similar", new SearchLatent(), new SearchLatent.Config(3, true), tmp,
        codeVectors, codeVectors);
    PAssert.that(StageOutputs.<Row>main(similar)).satisfies(rows -> {
      int n = 0;
      for (Row r : rows) {
        String[] want = expected.get(r.key()).split(" ");
        assertEquals(want[0], r.get("neighbour"));
        assertEquals(Double.parseDouble(want[1]), r.number("distance"), 1e-5);
        assertEquals(Double.parseDouble(want[2]), r.number("lon"));
        assertEquals(r.key(), r.get("query") + "#" + r.get("rank"));
        n++;
      }
      assertEquals(360, n);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void thresholdForATargetFalsePositiveRateOnALabelledSet(@TempDir Path tmp) {
    Pipeline p = pipeline();
    List<Row> labelled = new ArrayList<>();
    double[] neg = {0.10, 0.12, 0.31, 0.15, 0.22, 0.09, 0.40, 0.18, 0.11, 0.25};
    for (int i = 0; i < neg.length; i++) labelled.add(new Row("n" + i, Map.of("mse", neg[i], "truth", false)));
    labelled.add(new Row("p0", Map.of("mse", 0.90, "truth", true)));
    PCollection<Row> reference = p.apply("labelled", Create.of(labelled));
    PCollection<Row> scores = p.apply("scores", Create.of(
        new Row("a", Map.of("mse", 0.35)), new Row("b", Map.of("mse", 0.30)), new Row("c", Map.of("e", 1.0))));
    PCollectionTuple out = apply("flagged", new ApplyThreshold(),
        new ApplyThreshold.Config(ThresholdMode.TARGET_FPR, 0.1, "mse", null, "truth"), tmp, scores, reference);
    // negatives descending 0.40 0.31 0.25 ...: FPR <= 0.1 allows one above, so the threshold is 0.31
    assertExactly(StageOutputs.<Row>main(out),
        new Row("a", Map.of("mse", 0.35)).with("threshold", 0.31).with("label", true),
        new Row("b", Map.of("mse", 0.30)).with("threshold", 0.31).with("label", false));
    assertExactly(StageOutputs.errors(out),
        ErrorRecord.of("flagged", "c", "no numeric 'mse' column to threshold"));
    p.run().waitUntilFinish();
  }

  @Test
  void scoreNeedsExactlyOneModelSource(@TempDir Path tmp) throws Exception {
    Pipeline p = pipeline();
    PCollection<FeatureVector> data = p.apply(Create.of(RealRecords.windows(32, 2)));
    ConfigException e = assertThrows(ConfigException.class, () -> apply("scores", new ScoreAutoencoder(),
        new ScoreAutoencoder.Config(null, 1024, false, false), tmp, data));
    assertEquals("model", e.key());
    assertEquals("needs a model: connect a train stage to the model port or set 'model' to a bundle folder", e.getMessage());
    ConfigException bad = assertThrows(ConfigException.class, () -> new ScoreAutoencoder.Config(null, 0, false, false));
    assertEquals("batch_size", bad.key());
    ConfigException patience = assertThrows(ConfigException.class, () -> new TrainAutoencoder.Config(Architecture.DENSE,
        List.of(8), 32, 5, ActivationKind.TANH, ActivationKind.IDENTITY, -1, 1, UpdaterKind.ADAM, 1e-3,
        LearningRateSchedule.NONE, 0.5, 10, 32, 5, 0, 0, 0, 3, Scaling.STANDARDIZE, 1, null, true, false, null, null, false));
    assertEquals("patience", patience.key());
  }

  @Test
  void moduleRegistersTheSixStages() {
    Map<String, StageType<?>> stages = Guice.createInjector(new AutoencoderStages())
        .getInstance(Key.get(new TypeLiteral<Map<String, StageType<?>>>() {}));
    assertEquals(Set.of("autoencoder.train", "autoencoder.score", "autoencoder.score-batches", "autoencoder.encode", "latent.search",
        "threshold"),
        stages.keySet());
    assertEquals(KeyedValues.class, stages.get("autoencoder.score").inputs().get(0).type());
    assertTrue(KeyedValues.class.isAssignableFrom(Patch.class) && KeyedValues.class.isAssignableFrom(FeatureVector.class));
  }
}
