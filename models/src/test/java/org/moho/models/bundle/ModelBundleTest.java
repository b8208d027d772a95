package org.moho.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.Scores;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.testdata.RealData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelBundleTest {
  static float[][] windows;
  static TrainedAutoencoder trained;

  @BeforeAll
  static void train() throws Exception {
    windows = RealData.seismogramWindows(32, 300);
    trained = new AutoencoderTrainer(AutoencoderConfig.dense(List.of(16, 4)).withTraining(3, 32, 3e-3, 5)
        .withRegularisation(0, 0, 0.2, 0)).train(TrainingData.of(windows));
  }

  @Test
  void writesAndLoadsABundle(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelInfo written = ModelBundle.write(dir, trained);
    for (String f : List.of("model.zip", "normaliser.json", "model.json", "loss.png")) assertTrue(Files.exists(dir.resolve(f)), f);
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList(), "no temporary folder is left beside the bundle");
    }
    byte[] png = Files.readAllBytes(dir.resolve("loss.png"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);

    ModelBundle b = ModelBundle.load(dir);
    ModelInfo info = b.info();
    assertEquals(32, info.inputSize());
    assertEquals(4, info.latentSize());
    assertEquals(TrainingData.of(windows).fingerprint(), info.data().sha256());
    assertEquals(300, info.data().records());
    assertEquals(60, info.data().validationRecords());
    assertEquals(3, info.metrics().size());
    assertEquals(Sha256.of(dir.resolve("model.zip")), info.modelSha256());
    assertEquals(written.modelSha256(), info.modelSha256());
    assertEquals(trained.normaliser(), b.normaliser());
    assertArrayEquals(trained.network().params().toFloatVector(), b.network().params().toFloatVector());
    assertEquals(Map.of(), Map.of());
    assertTrue(info.software().get("dl4j").startsWith("1.0.0"), info.software().toString());
    String text = b.describe();
    assertTrue(text.contains("input 32, code 4"), text);
    assertTrue(text.contains("300 records (240 train, 60 validation)"), text);
    assertEquals(info.errorPercentiles()[500], info.errorAtPercentile(50), 0);
    // rewriting replaces the old bundle whole
    ModelBundle.write(dir, trained);
    assertTrue(Files.exists(dir.resolve("model.json")));
  }

  @Test
  void refusesAChangedModelFile(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, trained);
    byte[] bytes = Files.readAllBytes(dir.resolve("model.zip"));
    bytes[bytes.length / 2] ^= 1;
    Files.write(dir.resolve("model.zip"), bytes);
    BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
    assertTrue(e.getMessage().contains("model.zip does not match the checksum in model.json"), e.getMessage());
  }

  @Test
  void refusesRecordsOfAnotherSizeAndAnInconsistentInfo(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, trained);
    ReconstructionErrorScorer scorer = ReconstructionErrorScorer.load(dir);
    BundleException e = assertThrows(BundleException.class, () -> scorer.score(RealData.seismogramWindows(48, 10), false, false));
    assertEquals("model bundle " + dir + " takes records of 32 values, but these records have 48: score with the"
        + " features the model was trained on (same window, patch size)", e.getMessage());

    String json = Files.readString(dir.resolve("model.json")).replace("\"inputSize\": 32", "\"inputSize\": 64");
    Files.writeString(dir.resolve("model.json"), json);
    BundleException e2 = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
    assertTrue(e2.getMessage().contains("says the model takes 64 values per record but the network in model.zip takes 32"),
        e2.getMessage());
    BundleException e3 = assertThrows(BundleException.class, () -> ModelBundle.load(tmp.resolve("nothing")));
    assertTrue(e3.getMessage().contains("no such folder"), e3.getMessage());
  }

  @Test
  void scoresEqualDl4jOutputAndAHandComputedForwardPass(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    ModelBundle.write(dir, trained);
    ReconstructionErrorScorer scorer = ReconstructionErrorScorer.load(dir);
    org.junit.jupiter.api.Assertions.assertTrue(scorer.usesFastPath(), "a dense bundle is scored by the fast path");
    float[][] batch = java.util.Arrays.copyOf(windows, 50);
    Scores s = scorer.score(batch, true, true);

    // DL4J's own output() on the same weights and scaling
    INDArray x = trained.normaliser().apply(Nd4j.create(batch));
    float[][] out = trained.network().output(x, false).toFloatMatrix();
    float[][] xs = x.toFloatMatrix();
    // and a forward pass by hand: tanh dense layers 32-16-4-16, identity output
    float[][] hand = new float[50][];
    for (int r = 0; r < 50; r++) {
      double[] h = toDouble(xs[r]);
      for (int layer = 0; layer < 4; layer++) {
        INDArray w = trained.network().getLayer(layer).getParam("W");
        INDArray bias = trained.network().getLayer(layer).getParam("b");
        double[] next = new double[(int) w.columns()];
        for (int j = 0; j < next.length; j++) {
          double z = bias.getDouble(j);
          for (int i = 0; i < h.length; i++) z += h[i] * w.getDouble(i, j);
          next[j] = layer < 3 ? Math.tanh(z) : z;
        }
        h = next;
      }
      hand[r] = new float[32];
      for (int j = 0; j < 32; j++) hand[r][j] = (float) h[j];
    }
    for (int r = 0; r < 50; r++) {
      double sq = 0;
      double sqHand = 0;
      for (int j = 0; j < 32; j++) {
        sq += Math.pow(out[r][j] - xs[r][j], 2);
        sqHand += Math.pow(hand[r][j] - xs[r][j], 2);
        assertEquals(hand[r][j], out[r][j], 1e-4);
        // reconstructions come back in input units
        assertEquals(out[r][j] * trained.normaliser().scale()[0] + trained.normaliser().offset()[0], s.reconstruction()[r][j], 1e-4);
      }
      assertEquals(sq / 32, s.mse()[r], 1e-6 * (1 + sq));
      assertEquals(sq / 2, s.e()[r], 1e-6 * (1 + sq));
      assertEquals(sqHand / 32, s.mse()[r], 1e-4 * (1 + sq));
    }
    // the scorer's fast path (SGEMM + rational tanh) equals DL4J's activations up to float rounding
    assertArrayEquals(trained.network().feedForwardToLayer(1, x).get(2).toFloatMatrix()[7], s.latent()[7], 1e-5f);
    assertArrayEquals(s.latent()[7], scorer.encode(batch)[7]);
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) d[i] = f[i];
    return d;
  }
}
