package org.moho.models.autoencoder.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moho.models.autoencoder.ActivationKind;
import org.moho.models.autoencoder.Architecture;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.EpochMetrics;
import org.moho.models.autoencoder.LearningRateSchedule;
import org.moho.models.autoencoder.NetworkFactory;
import org.moho.models.autoencoder.Normaliser;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.autoencoder.UpdaterKind;
import org.moho.models.testdata.RealData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fast path against DL4J itself on the same weights, on real data: 300 windows of 64 samples
 * of the bundled CRLZ seismogram (standardised). Tolerances are float rounding: SGEMM sums in a
 * different order than DL4J's layers and {@link FastTanh} is within 4e-7 of tanh.
 */
class FastPathEqualsDl4jTest {
  static final int N = 64;
  static final int ROWS = 300;
  static float[][] windows;
  static INDArray x;
  static float[] flat;

  @BeforeAll
  static void load() throws Exception {
    windows = RealData.seismogramWindows(N, ROWS);
    int[] all = new int[ROWS];
    for (int i = 0; i < ROWS; i++) all[i] = i;
    float[] f = new float[ROWS * N];
    for (int i = 0; i < ROWS; i++) System.arraycopy(windows[i], 0, f, i * N, N);
    x = Normaliser.fit(Scaling.STANDARDIZE, windows, all).apply(Nd4j.create(f, new long[] {ROWS, N}, 'c'));
    flat = x.data().asFloat();
  }

  static MultiLayerNetwork net(AutoencoderConfig c, boolean weighted) {
    MultiLayerNetwork n = new MultiLayerNetwork(NetworkFactory.build(c, N, weighted));
    n.init();
    return n;
  }

  static AutoencoderConfig dense(ActivationKind hidden, ActivationKind output) {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(32, 8)).withActivation(hidden, -1, 1.5);
    return new AutoencoderConfig(c.architecture(), c.layers(), 0, 5, hidden, output, -1, 1.5, c.updater(),
        c.learningRate(), c.schedule(), c.decay(), c.stepEpochs(), c.batchSize(), c.epochs(), c.l2(), c.noiseStd(),
        c.validationFraction(), c.patience(), c.scaling(), 42, null, false, false);
  }

  @Test
  void forwardPassEqualsNetOutputForEveryFusedActivation() {
    for (ActivationKind hidden : ActivationKind.values()) {
      for (ActivationKind output : List.of(ActivationKind.IDENTITY, ActivationKind.SIGMOID)) {
        MultiLayerNetwork net = net(dense(hidden, output), false);
        DenseForwardPass fast = new DenseForwardPass(net, DenseLayout.forInference(net).orElseThrow());
        float[][] out = new float[ROWS][N];
        float[][] code = new float[ROWS][8];
        double[] mse = new double[ROWS];
        fast.reconstructionErrors(flat, ROWS, mse, null, 1, code, out);
        float[][] ref = net.output(x, false).toFloatMatrix();
        float[][] refCode = net.feedForwardToLayer(1, x, false).get(2).toFloatMatrix();
        INDArray d = net.output(x, false).subi(x);
        double[] refMse = d.muli(d).mean(1).toDoubleVector();
        for (int r = 0; r < ROWS; r++) {
          for (int j = 0; j < N; j++) assertEquals(ref[r][j], out[r][j], 1e-5, hidden + "/" + output + " output " + r + "," + j);
          for (int j = 0; j < 8; j++) assertEquals(refCode[r][j], code[r][j], 1e-5, hidden + "/" + output + " code");
          assertEquals(refMse[r], mse[r], 1e-5 * refMse[r], hidden + "/" + output + " mse of record " + r);
        }
      }
    }
  }

  /** Adam with L2 and a step schedule: every piece of DL4J's update rule is exercised. */
  @Test
  void adamStepsEqualFitWithTheSameBatches() {
    AutoencoderConfig c = dense(ActivationKind.TANH, ActivationKind.IDENTITY)
        .withUpdater(UpdaterKind.ADAM, LearningRateSchedule.STEP, 0.5, 1)
        .withRegularisation(1e-3, 0, 0, 0);
    MultiLayerNetwork dl4j = net(c, false);
    MultiLayerNetwork fast = dl4j.clone();
    DenseTrainingStep step = new DenseTrainingStep(fast, DenseLayout.of(fast).orElseThrow(), 64);
    for (int s = 0; s < 12; s++) {
      if (s == 6) { // an epoch boundary: the schedule halves the rate
        dl4j.incrementEpochCount();
        fast.incrementEpochCount();
      }
      int from = (37 * s) % (ROWS - 64);
      INDArray batch = x.get(NDArrayIndex.interval(from, from + 64), NDArrayIndex.all()).dup();
      dl4j.fit(batch, batch);
      float[] b = batch.data().asFloat();
      double score = step.step(b, b, null, 64);
      assertEquals(dl4j.score(), score, 1e-5 * dl4j.score(), "score of step " + s);
      if (s == 0 || s == 11) {
        step.flush();
        assertClose(dl4j.params(), fast.params(), 1e-5, "parameters after step " + (s + 1));
        assertClose(dl4j.getUpdater().getStateViewArray(), fast.getUpdater().getStateViewArray(), 1e-4,
            "Adam moments after step " + (s + 1));
        assertEquals(dl4j.getIterationCount(), fast.getIterationCount());
      }
    }
  }

  /** SGD with a weight per record (RecordWeightedMse) and ReLU, ragged last batch. */
  @Test
  void weightedSgdStepsEqualFit() {
    AutoencoderConfig c = dense(ActivationKind.RELU, ActivationKind.IDENTITY)
        .withUpdater(UpdaterKind.SGD, LearningRateSchedule.NONE, 0.5, 1).withTraining(1, 64, 0.05, 3);
    MultiLayerNetwork dl4j = net(c, true);
    MultiLayerNetwork fast = dl4j.clone();
    DenseTrainingStep step = new DenseTrainingStep(fast, DenseLayout.of(fast).orElseThrow(), 64);
    for (int s = 0; s < 5; s++) {
      int rows = s == 4 ? 45 : 64;
      INDArray batch = x.get(NDArrayIndex.interval(s * 50, s * 50 + rows), NDArrayIndex.all()).dup();
      float[] w = new float[rows];
      for (int i = 0; i < rows; i++) w[i] = 0.5f + (i % 3);
      dl4j.fit(batch, Nd4j.hstack(batch, Nd4j.createFromArray(w).reshape(rows, 1)));
      float[] b = batch.data().asFloat();
      double score = step.step(b, b, w, rows);
      assertEquals(dl4j.score(), score, 1e-5 * dl4j.score(), "score of step " + s);
    }
    assertClose(dl4j.params(), fast.params(), 1e-5, "parameters after 5 steps");
  }

  /** The whole trainer on both paths: same split, shuffles, noise; curves equal within rounding. */
  @Test
  void trainerGivesTheSameCurveOnBothPaths() {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(32, 8)).withTraining(4, 32, 3e-3, 5)
        .withRegularisation(1e-4, 0.05, 0.2, 0);
    TrainedAutoencoder fast = new AutoencoderTrainer(c, true).train(TrainingData.of(windows));
    TrainedAutoencoder dl4j = new AutoencoderTrainer(c, false).train(TrainingData.of(windows));
    for (int e = 0; e < 4; e++) {
      EpochMetrics f = fast.metrics().get(e);
      EpochMetrics d = dl4j.metrics().get(e);
      assertEquals(d.trainLoss(), f.trainLoss(), 1e-4 * d.trainLoss(), "train loss of epoch " + e);
      assertEquals(d.validationLoss(), f.validationLoss(), 1e-4 * d.validationLoss(), "validation loss of epoch " + e);
    }
    assertClose(dl4j.network().params(), fast.network().params(), 1e-4, "parameters after 4 epochs");
  }

  @Test
  void convolutionalAndOtherNetworksAreLeftToDl4j() {
    MultiLayerNetwork conv = net(AutoencoderConfig.dense(List.of(4, 8)).withArchitecture(Architecture.CONV1D, 8), false);
    assertFalse(DenseLayout.of(conv).isPresent());
    assertTrue(DenseLayout.unsupported(conv) != null);
    MultiLayerNetwork dense = net(dense(ActivationKind.TANH, ActivationKind.IDENTITY), false);
    assertNull(DenseLayout.unsupported(dense));
    DenseLayout layout = DenseLayout.of(dense).orElseThrow();
    // the layout is DL4J's: layer 1's W starts after layer 0's W and b, and is [nIn, nOut] 'f'
    assertEquals(64 * 32 + 32, layout.weightOffsets()[1]);
    assertEquals(dense.getLayer(1).getParam("W").getFloat(5, 3), dense.params().getFloat(layout.weightOffsets()[1] + 3 * 32 + 5));
    assertEquals(dense.getLayer(1).getParam("b").getFloat(2), dense.params().getFloat(layout.biasOffsets()[1] + 2));
  }

  /** max |a - b| <= tolerance * max(1e-3, max |a|): absolute, scaled to the array's magnitude. */
  static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
    float[] a = expected.toFloatVector();
    float[] b = actual.toFloatVector();
    assertEquals(a.length, b.length);
    double scale = 1e-3;
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      scale = Math.max(scale, Math.abs(a[i]));
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    assertTrue(worst <= tolerance * scale, what + ": max difference " + worst + " > " + tolerance + " x " + scale);
  }
}
