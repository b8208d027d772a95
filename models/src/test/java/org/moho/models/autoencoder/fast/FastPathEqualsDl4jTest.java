package org.moho.models.autoencoder.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moho.models.autoencoder.ActivationKind;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.NetworkFactory;
import org.moho.models.autoencoder.Normaliser;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.UpdaterKind;
import org.moho.models.autoencoder.LearningRateSchedule;
import org.moho.models.testdata.RealData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FastPathEqualsDl4jTest {
  static float[][] windows;
  static INDArray x;
  static float[] flat;

  @BeforeAll
  static void load() throws Exception {
    windows = RealData.seismogramWindows(64, 300);
    int[] all = new int[windows.length];
    for (int i = 0; i < all.length; i++) all[i] = i;
    Normaliser norm = Normaliser.fit(Scaling.STANDARDIZE, windows, all);
    float[] f = new float[windows.length * 64];
    for (int i = 0; i < windows.length; i++) System.arraycopy(windows[i], 0, f, i * 64, 64);
    x = norm.apply(Nd4j.create(f, new long[] {windows.length, 64}, 'c'));
    flat = x.data().asFloat();
  }

  static MultiLayerNetwork net(AutoencoderConfig c) {
    MultiLayerNetwork n = new MultiLayerNetwork(NetworkFactory.build(c, 64, false));
    n.init();
    return n;
  }

  @Test
  void experiment() {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(32, 8)).withRegularisation(1e-3, 0, 0, 0);
    MultiLayerNetwork a = net(c);
    MultiLayerNetwork b = a.clone();
    System.out.println("why " + DenseLayout.unsupported(b)); DenseLayout layout = DenseLayout.of(b).orElseThrow();
    DenseForwardPass fwd = new DenseForwardPass(b, layout);
    double[] mse = new double[300];
    fwd.reconstructionErrors(flat, 300, mse, null, 0, null, null);
    INDArray out = a.output(x, false);
    INDArray d = out.sub(x);
    double[] ref = d.muli(d).mean(1).toDoubleVector();
    double maxRel = 0;
    for (int i = 0; i < 300; i++) maxRel = Math.max(maxRel, Math.abs(mse[i] - ref[i]) / ref[i]);
    System.out.println("forward max rel " + maxRel);
    DenseTrainingStep step = new DenseTrainingStep(b, layout, 64);
    for (int s = 0; s < 20; s++) {
      INDArray batch = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s * 10 % 200, s * 10 % 200 + 64), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
      a.fit(batch, batch);
      float[] bf = batch.data().asFloat();
      double sc = step.step(bf, bf, null, 64);
      step.flush();
      float[] pa = a.params().toFloatVector();
      float[] pb = b.params().toFloatVector();
      double md = 0;
      int worst = 0;
      for (int i = 0; i < pa.length; i++) if (Math.abs(pa[i] - pb[i]) > md) { md = Math.abs(pa[i] - pb[i]); worst = i; }
      float[] sa = a.getUpdater().getStateViewArray().toFloatVector();
      float[] sb = b.getUpdater().getStateViewArray().toFloatVector();
      double ms = 0;
      for (int i = 0; i < sa.length; i++) ms = Math.max(ms, Math.abs(sa[i] - sb[i]) / (Math.abs(sa[i]) + 1e-12));
      System.out.println("step " + s + " score " + a.score() + " vs " + sc + " max param diff " + md + " at " + worst + " state rel " + ms + " iter " + a.getIterationCount() + " " + b.getIterationCount());
    }
  }
}
