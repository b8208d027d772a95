package org.moho.models.autoencoder.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One gradient step of a dense network ({@link DenseLayout}) on a batch, doing what
 * {@code net.fit(input, labels)} does, on the network's own parameters and updater state:
 * forward (SGEMM + fused bias/activation), MSE gradient, backward (two SGEMMs per layer, fused
 * activation derivative, bias gradient as column sums), gradient / batch size + L2 on weights (DL4J
 * divides by the minibatch before regularising), then Adam or SGD exactly as libnd4j's updaters
 * (bias-corrected step size lr·√(1-β₂ᵗ)/(1-β₁ᵗ), ε outside the square root) and the network's
 * iteration counter +1, which drives Adam's bias correction and the learning-rate schedule.
 *
 * <p>Parameters are written back to the network's memory after every step, so {@code net.output},
 * checkpoints and bundles always see the current weights. Adam's moments live in Java arrays
 * during a run: call {@link #flush()} before anything reads the network's updater state
 * (checkpoints), and {@link #reload()} after anything else changed the network's parameters or
 * updater state. Preallocated for batches of up to {@code capacity} records; no allocation per
 * step. Not thread-safe.
 */
public final class DenseTrainingStep {
  private final DenseLayout layout;
  private final MultiLayerNetwork net;
  private final int capacity;
  private final FloatPointer paramsOff;
  private final FloatPointer[] weights;
  private final FloatPointer gradOff;
  private final FloatPointer[] gradW;
  private final FloatPointer[] in;
  private final FloatPointer deltaOff;
  private final FloatPointer backOff;
  private final float[][] act;
  private final float[] delta;
  private final float[] params;
  private final float[] grad;
  private final float[] m;
  private final float[] v;
  private final boolean[] isWeight;

  public DenseTrainingStep(MultiLayerNetwork net, DenseLayout layout, int capacity) {
    this.layout = layout;
    this.net = net;
    this.capacity = capacity;
    int layers = layout.layers();
    int[] w = layout.widths();
    int np = layout.numParams();
    paramsOff = Sgemm.of(net.params());
    weights = new FloatPointer[layers];
    gradOff = new FloatPointer(np);
    gradW = new FloatPointer[layers];
    in = new FloatPointer[layers + 1];
    act = new float[layers + 1][];
    int widest = 0;
    for (int width : w) widest = Math.max(widest, width);
    for (int l = 0; l < layers; l++) {
      weights[l] = Sgemm.at(paramsOff, layout.weightOffsets()[l]);
      gradW[l] = Sgemm.at(gradOff, layout.weightOffsets()[l]);
    }
    for (int l = 0; l <= layers; l++) {
      in[l] = new FloatPointer((long) capacity * w[l]);
      if (l > 0) act[l] = new float[capacity * w[l]];
    }
    deltaOff = new FloatPointer((long) capacity * widest);
    backOff = new FloatPointer((long) capacity * widest);
    delta = new float[capacity * widest];
    params = new float[np];
    grad = new float[np];
    m = new float[np];
    v = new float[np];
    isWeight = new boolean[np];
    for (int l = 0; l < layers; l++) {
      java.util.Arrays.fill(isWeight, layout.weightOffsets()[l], layout.biasOffsets()[l], true);
    }
    reload();
  }

  /** Re-reads parameters and Adam's moments from the network. */
  public void reload() {
    paramsOff.get(params, 0, params.length);
    if (layout.updater() instanceof Adam) {
      INDArray state = net.getUpdater().getStateViewArray();
      FloatPointer s = Sgemm.of(state);
      s.get(m, 0, m.length);
      Sgemm.at(s, m.length).get(v, 0, v.length);
    }
  }

  /** Writes Adam's moments into the network's updater state (parameters are always current). */
  public void flush() {
    if (layout.updater() instanceof Adam) {
      FloatPointer s = Sgemm.of(net.getUpdater().getStateViewArray());
      s.put(m, 0, m.length);
      Sgemm.at(s, m.length).put(v, 0, v.length);
    }
  }

  /**
   * One step on {@code rows} records: {@code input} and {@code target} row-major [rows, inputSize]
   * (equal unless denoising), {@code recordWeights} one per record or null (needs a network built
   * with {@code RecordWeightedMse}). Returns what {@code net.score()} would after {@code net.fit}:
   * the mean over records of the (weighted) per-record MSE plus the L2 penalty ½·λ·Σw².
   */
  public double step(float[] input, float[] target, float[] recordWeights, int rows) {
    if (rows > capacity || rows < 1) throw new IllegalArgumentException("batch of " + rows + " records, capacity " + capacity);
    if ((recordWeights != null) != layout.weighted()) {
      throw new IllegalArgumentException(layout.weighted() ? "this network's loss needs record weights" : "this network's loss takes no record weights");
    }
    int[] w = layout.widths();
    int layers = layout.layers();
    in[0].put(input, 0, rows * w[0]);
    for (int l = 0; l < layers; l++) {
      Sgemm.nt(rows, w[l + 1], w[l], in[l], weights[l], 0f, in[l + 1]);
      in[l + 1].get(act[l + 1], 0, rows * w[l + 1]);
      layout.activations()[l].biasAndApply(act[l + 1], rows, w[l + 1], params, layout.biasOffsets()[l]);
      if (l < layers - 1) in[l + 1].put(act[l + 1], 0, rows * w[l + 1]);
    }
    double loss = outputGradient(target, recordWeights, rows);
    for (int l = layers - 1; l >= 0; l--) {
      int nIn = w[l];
      int nOut = w[l + 1];
      deltaOff.put(delta, 0, rows * nOut);
      Sgemm.tn(nOut, nIn, rows, deltaOff, in[l], gradW[l]);
      gradW[l].get(grad, layout.weightOffsets()[l], nOut * nIn);
      int b = layout.biasOffsets()[l];
      java.util.Arrays.fill(grad, b, b + nOut, 0f);
      for (int r = 0; r < rows; r++) {
        int o = r * nOut;
        for (int j = 0; j < nOut; j++) grad[b + j] += delta[o + j];
      }
      if (l > 0) {
        Sgemm.nn(rows, nIn, nOut, deltaOff, weights[l], backOff);
        backOff.get(delta, 0, rows * nIn);
        layout.activations()[l - 1].multiplyDerivative(delta, act[l], rows * nIn);
      }
    }
    int iteration = net.getIterationCount();
    int epoch = net.getEpochCount();
    double l2 = layout.l2() == null ? 0 : layout.l2().getL2().valueAt(iteration, epoch);
    if (l2 > 0) loss += l2Penalty(l2);
    update(iteration, epoch, (float) l2);
    paramsOff.put(params, 0, params.length);
    net.setIterationCount(iteration + 1);
    return loss;
  }

  /**
   * delta = dLoss/d(pre-activation) of the output layer, already divided by the batch size; returns
   * the data loss. DL4J's MSE: per record mean_j (y - t)², gradient 2(y - t)/n (x weight).
   */
  private double outputGradient(float[] target, float[] recordWeights, int rows) {
    int layers = layout.layers();
    int n = layout.widths()[layers];
    float[] y = act[layers];
    double loss = 0;
    float scale = 2f / n / rows;
    for (int r = 0; r < rows; r++) {
      int o = r * n;
      float s = DenseForwardPass.sumSquaredDifference(y, o, target, o, n) / n;
      float k = scale;
      if (recordWeights != null) {
        s *= recordWeights[r];
        k *= recordWeights[r];
      }
      loss += s;
      for (int j = 0; j < n; j++) delta[o + j] = (y[o + j] - target[o + j]) * k;
    }
    layout.activations()[layers - 1].multiplyDerivative(delta, y, rows * n);
    return loss / rows;
  }

  private double l2Penalty(double l2) {
    double s = 0;
    for (int l = 0; l < layout.layers(); l++) {
      int from = layout.weightOffsets()[l];
      int to = layout.biasOffsets()[l];
      for (int i = from; i < to; i++) s += (double) params[i] * params[i];
    }
    return 0.5 * l2 * s;
  }

  private void update(int iteration, int epoch, float l2) {
    int np = params.length;
    if (l2 > 0) {
      for (int i = 0; i < np; i++) grad[i] += isWeight[i] ? l2 * params[i] : 0f;
    }
    if (layout.updater() instanceof Adam adam) {
      float b1 = (float) adam.getBeta1();
      float b2 = (float) adam.getBeta2();
      float eps = (float) adam.getEpsilon();
      float lr = (float) adam.getLearningRate(iteration, epoch);
      float b1t = (float) Math.pow(b1, iteration + 1);
      float b2t = (float) Math.pow(b2, iteration + 1);
      float alpha = lr * (float) Math.sqrt(1f - b2t) / (1f - b1t);
      if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0f) alpha = eps;
      float c1 = 1f - b1;
      float c2 = 1f - b2;
      for (int i = 0; i < np; i++) {
        float g = grad[i];
        float mi = b1 * m[i] + g * c1;
        float vi = b2 * v[i] + g * g * c2;
        m[i] = mi;
        v[i] = vi;
        params[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
      }
    } else {
      float lr = (float) layout.updater().getLearningRate(iteration, epoch);
      for (int i = 0; i < np; i++) params[i] -= lr * grad[i];
    }
  }
}
