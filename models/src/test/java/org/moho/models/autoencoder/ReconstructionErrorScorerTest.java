package org.moho.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.models.bundle.ModelBundle;
import org.moho.models.testdata.RealData;

/** One scorer, batch after batch of different sizes from flat arrays, on real seismogram windows. */
class ReconstructionErrorScorerTest {

  @Test
  void aScorerGivesEachFlatBatchWhatAFreshScorerGivesItAndLeavesTheInputAlone(@TempDir Path tmp) throws Exception {
    int n = 64;
    float[][] windows = RealData.seismogramWindows(n, 300);
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(16, 4)).withTraining(2, 32, 3e-3, 3).withScaling(Scaling.STANDARDIZE);
    ModelBundle.write(tmp.resolve("m"), new AutoencoderTrainer(c).train(TrainingData.of(windows)));
    float[] flat = new float[300 * n];
    for (int i = 0; i < 300; i++) System.arraycopy(windows[i], 0, flat, i * n, n);
    float[] untouched = flat.clone();

    ReconstructionErrorScorer reused = ReconstructionErrorScorer.load(tmp.resolve("m"));
    assertTrue(reused.usesFastPath());
    reused.score(flat, 0, 300, false, false); // leaves 300 scaled records in its buffer
    Scores small = reused.score(flat, 100 * n, 50, false, false);
    Scores fresh = ReconstructionErrorScorer.load(tmp.resolve("m")).score(Arrays.copyOfRange(windows, 100, 150), false, false);
    assertArrayEquals(fresh.mse(), small.mse(), 0.0);
    assertArrayEquals(fresh.e(), small.e(), 0.0);
    assertArrayEquals(untouched, flat, 0f, "the caller's values are not scaled in place");
  }
}
