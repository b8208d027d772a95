package org.moho.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.models.testdata.RealData;

class AutoencoderTrainerTest {
  static float[][] windows;

  @BeforeAll
  static void load() throws Exception {
    windows = RealData.seismogramWindows(64, 400); // 2.56 s windows of 100 Hz CRLZ
  }

  static AutoencoderConfig small() {
    return AutoencoderConfig.dense(List.of(32, 16, 8)).withTraining(8, 32, 3e-3, 7);
  }

  @Test
  void lossDecreases() {
    TrainedAutoencoder t = new AutoencoderTrainer(small().withProgress(true)).train(TrainingData.of(windows));
    List<EpochMetrics> m = t.metrics();
    assertEquals(8, m.size());
    // a real decrease, not noise: the last epoch's loss is well under the first's
    assertTrue(m.get(7).trainLoss() < 0.8 * m.get(0).trainLoss(), m.toString());
    assertEquals(1001, t.errorPercentiles().length);
    assertTrue(t.errorPercentiles()[0] <= t.errorPercentiles()[500] && t.errorPercentiles()[500] <= t.errorPercentiles()[1000]);
  }

  @Test
  void seededRunsRepeatExactlyAndSeedsMatter() {
    AutoencoderConfig c = small().withTraining(3, 32, 3e-3, 11).withRegularisation(1e-4, 0.1, 0.2, 0);
    float[] a = new AutoencoderTrainer(c).train(TrainingData.of(windows)).network().params().toFloatVector();
    float[] b = new AutoencoderTrainer(c).train(TrainingData.of(windows)).network().params().toFloatVector();
    float[] other = new AutoencoderTrainer(c.withTraining(3, 32, 3e-3, 12)).train(TrainingData.of(windows))
        .network().params().toFloatVector();
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, other));
  }

  @Test
  void resumeAfterKillEqualsUninterruptedRun(@TempDir Path tmp) {
    // Adam + step schedule + noise + validation with best-epoch weights: every piece of state
    AutoencoderConfig c = small().withTraining(5, 32, 3e-3, 3)
        .withUpdater(UpdaterKind.ADAM, LearningRateSchedule.STEP, 0.5, 2)
        .withRegularisation(1e-4, 0.05, 0.2, 3);
    TrainingData data = TrainingData.of(windows);
    TrainedAutoencoder whole = new AutoencoderTrainer(c.withCheckpoints(tmp.resolve("a"), false)).train(data);

    AutoencoderConfig killed = c.withCheckpoints(tmp.resolve("b"), false);
    RuntimeException kill = assertThrows(RuntimeException.class, () -> new AutoencoderTrainer(killed).train(data, m -> {
      if (m.epoch() == 2) throw new IllegalStateException("killed after epoch 3");
    }));
    assertEquals("killed after epoch 3", kill.getMessage());
    assertTrue(Files.exists(tmp.resolve("b/epoch-0003/model.zip")));
    assertFalse(Files.exists(tmp.resolve("b/epoch-0002")), "older checkpoints are removed");

    TrainedAutoencoder resumed = new AutoencoderTrainer(c.withCheckpoints(tmp.resolve("b"), true)).train(data);
    assertArrayEquals(whole.network().params().toFloatVector(), resumed.network().params().toFloatVector());
    assertArrayEquals(whole.network().getUpdater().getStateViewArray().toFloatVector(),
        resumed.network().getUpdater().getStateViewArray().toFloatVector());
    assertEquals(whole.metrics().size(), resumed.metrics().size());
    for (int i = 0; i < whole.metrics().size(); i++) {
      assertEquals(whole.metrics().get(i).validationLoss(), resumed.metrics().get(i).validationLoss());
      assertEquals(whole.metrics().get(i).trainLoss(), resumed.metrics().get(i).trainLoss());
    }
    assertEquals(whole.bestEpoch(), resumed.bestEpoch());
    assertEquals(0.75e-3, resumed.metrics().get(4).learningRate(), 1e-12); // 3e-3 * 0.5^2 at epoch 5
  }

  @Test
  void resumeRefusesOtherData(@TempDir Path tmp) {
    AutoencoderConfig c = small().withTraining(1, 32, 3e-3, 3).withCheckpoints(tmp, false);
    new AutoencoderTrainer(c).train(TrainingData.of(windows));
    float[][] fewer = java.util.Arrays.copyOf(windows, 300);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new AutoencoderTrainer(c.withTraining(2, 32, 3e-3, 3).withCheckpoints(tmp, true)).train(TrainingData.of(fewer)));
    assertTrue(e.getMessage().contains("trained on other data"), e.getMessage());
  }

  @Test
  void earlyStoppingKeepsTheBestEpoch() {
    // a large learning rate makes validation loss rise after a few epochs on this data
    AutoencoderConfig c = small().withTraining(30, 16, 0.05, 5).withRegularisation(0, 0, 0.3, 2);
    TrainedAutoencoder t = new AutoencoderTrainer(c).train(TrainingData.of(windows));
    int best = t.bestEpoch();
    for (EpochMetrics m : t.metrics()) assertTrue(m.validationLoss() >= t.metrics().get(best).validationLoss());
    if (t.stoppedEarly()) assertEquals(best + 3, t.metrics().size());
    assertEquals(t.metrics().get(best).validationLoss(), t.finalLoss());
    assertEquals(t.finalLoss(), AutoencoderTrainer.meanMse(t.network(),
        t.normaliser().apply(org.nd4j.linalg.factory.Nd4j.create(validationRows(c)))), 1e-6);
  }

  private static float[][] validationRows(AutoencoderConfig c) {
    // the split is Random(seed) over 0..n-1, first round(0.3 n) held out, sorted
    int n = windows.length;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    java.util.Random r = new java.util.Random(c.seed());
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] v = java.util.Arrays.copyOf(all, (int) Math.round(n * c.validationFraction()));
    java.util.Arrays.sort(v);
    float[][] out = new float[v.length][];
    for (int i = 0; i < v.length; i++) out[i] = windows[v[i]];
    return out;
  }

  @Test
  void uniformRecordWeightsActLikeAScaledSgdStep() {
    // MSE with every record weighted by w has gradient w times the unweighted one, so plain SGD
    // with weights w and rate lr follows the same path as rate w*lr without weights
    AutoencoderConfig c = small().withTraining(2, 32, 0.01, 9).withUpdater(UpdaterKind.SGD, LearningRateSchedule.NONE, 0.5, 1);
    float[] w = new float[windows.length];
    java.util.Arrays.fill(w, 2f);
    List<String> keys = TrainingData.of(windows).keys();
    float[] weighted = new AutoencoderTrainer(c).train(new TrainingData(windows, keys, w)).network().params().toFloatVector();
    float[] scaled = new AutoencoderTrainer(c.withTraining(2, 32, 0.02, 9)).train(TrainingData.of(windows))
        .network().params().toFloatVector();
    float[] plain = new AutoencoderTrainer(c).train(TrainingData.of(windows)).network().params().toFloatVector();
    assertArrayEquals(scaled, weighted, 1e-5f);
    assertTrue(maxDiff(plain, weighted) > 1e-3, "weights must change the result");
  }

  @Test
  void convolutionalVariantsLearn() throws Exception {
    AutoencoderConfig c1 = AutoencoderConfig.dense(List.of(4, 8)).withArchitecture(Architecture.CONV1D, 8)
        .withTraining(4, 32, 3e-3, 1);
    TrainedAutoencoder t1 = new AutoencoderTrainer(c1).train(TrainingData.of(java.util.Arrays.copyOf(windows, 200)));
    assertTrue(t1.metrics().get(3).trainLoss() < t1.metrics().get(0).trainLoss(), t1.metrics().toString());

    float[][] patches = RealData.topoPatches(8, 8, 200);
    assertEquals(200, patches.length);
    AutoencoderConfig c2 = AutoencoderConfig.dense(List.of(4)).withArchitecture(Architecture.CONV2D, 8)
        .withActivation(ActivationKind.SCALED_LOGISTIC, -1.5, 1.5).withTraining(4, 32, 3e-3, 1);
    TrainedAutoencoder t2 = new AutoencoderTrainer(c2).train(TrainingData.of(patches));
    assertTrue(t2.metrics().get(3).trainLoss() < t2.metrics().get(0).trainLoss(), t2.metrics().toString());
    assertEquals(8, t2.network().feedForwardToLayer(2, org.nd4j.linalg.factory.Nd4j.create(patches)).get(3).columns());
  }

  @Test
  void convolutionNeedsDivisibleInput() {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(4, 4, 4)).withArchitecture(Architecture.CONV1D, 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetworkFactory.build(c, 60));
    assertTrue(e.getMessage().contains("divisible by 2^3 = 8"), e.getMessage());
  }

  static float maxDiff(float[] a, float[] b) {
    float m = 0;
    for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }
}
