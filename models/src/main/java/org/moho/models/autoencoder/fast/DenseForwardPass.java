package org.moho.models.autoencoder.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The forward pass of a dense network (see {@link DenseLayout}) on the network's own parameters:
 * per layer one SGEMM straight from the network's flattened parameter memory into a
 * preallocated off-heap buffer that already holds the bias in every row (SGEMM with beta = 1
 * adds the product to it), then the activation in one flat Java loop. Records go through in
 * chunks of at most {@link #CHUNK} rows so that the activations stay in cache.
 *
 * <p>Equals {@code net.output(x, false)} up to float rounding (the tests bound the difference);
 * the difference comes from the summation order inside SGEMM and {@link FastTanh}. Reads the
 * weights at every call, so it follows changes to the network's parameters, but biases are
 * copied: call {@link #refresh()} after the parameters change. Not thread-safe: one per thread.
 */
public final class DenseForwardPass {
  /** Rows per SGEMM call: large enough for OpenBLAS to run near its peak, small enough for L2. */
  public static final int CHUNK = 256;

  private final DenseLayout layout;
  private final MultiLayerNetwork net;
  private final FloatPointer[] weights;
  private final float[] params;
  /** in[l]: layer l's input, off-heap, CHUNK x widths[l]; in[L] receives the output layer's GEMM. */
  private final FloatPointer[] in;
  /** act[l] (l >= 1): layer l-1's output on the heap, CHUNK x widths[l]. */
  private final float[][] act;
  /**
   * biasRows[l]: layer l's bias repeated in each of CHUNK rows, off-heap. Copied into the GEMM's
   * output before SGEMM accumulates into it (one memcpy): a separate row-wise bias loop in Java
   * was the largest Java cost of scoring (BENCHMARKS.md, "Speed", profile of case B).
   */
  private final FloatPointer[] biasRows;

  public DenseForwardPass(MultiLayerNetwork net, DenseLayout layout) {
    this.layout = layout;
    this.net = net;
    int layers = layout.layers();
    FloatPointer p = Sgemm.of(net.params());
    weights = new FloatPointer[layers];
    for (int l = 0; l < layers; l++) weights[l] = Sgemm.at(p, layout.weightOffsets()[l]);
    params = new float[layout.numParams()];
    in = new FloatPointer[layers + 1];
    act = new float[layers + 1][];
    biasRows = new FloatPointer[layers];
    for (int l = 0; l <= layers; l++) {
      in[l] = new FloatPointer((long) CHUNK * layout.widths()[l]);
      if (l > 0) act[l] = new float[CHUNK * layout.widths()[l]];
      if (l < layers) biasRows[l] = new FloatPointer((long) CHUNK * layout.widths()[l + 1]);
    }
    refresh();
  }

  public DenseLayout layout() {
    return layout;
  }

  /** Re-reads the biases from the network. */
  public void refresh() {
    Sgemm.of(net.params()).get(params, 0, params.length);
    int[] w = layout.widths();
    for (int l = 0; l < layout.layers(); l++) {
      int n = w[l + 1];
      float[] rows = new float[CHUNK * n];
      for (int r = 0; r < CHUNK; r++) System.arraycopy(params, layout.biasOffsets()[l], rows, r * n, n);
      biasRows[l].put(rows, 0, rows.length);
    }
  }

  /** Receives each chunk's activations: {@code act[l]} rows 0..rows-1 are records first..first+rows-1. */
  public interface ChunkSink {
    void accept(int first, int rows, float[][] act);
  }

  /**
   * Runs {@code rows} records of {@code x} (row-major, inputSize values each) through the
   * network; {@code sink} sees every layer's output per chunk ({@code act[L]} is the network output).
   */
  public void forward(float[] x, int rows, ChunkSink sink) {
    int[] w = layout.widths();
    int layers = layout.layers();
    for (int first = 0; first < rows; first += CHUNK) {
      int r = Math.min(CHUNK, rows - first);
      in[0].put(x, first * w[0], r * w[0]);
      for (int l = 0; l < layers; l++) {
        long count = (long) r * w[l + 1];
        Pointer.memcpy(in[l + 1], biasRows[l], count * Float.BYTES);
        Sgemm.nt(r, w[l + 1], w[l], in[l], weights[l], 1f, in[l + 1]);
        in[l + 1].get(act[l + 1], 0, (int) count);
        layout.activations()[l].apply(act[l + 1], (int) count);
        if (l < layers - 1) in[l + 1].put(act[l + 1], 0, (int) count);
      }
      sink.accept(first, r, act);
    }
  }

  /**
   * Per-record reconstruction errors of scaled records {@code x}: mse[i] = mean_j (y_ij - x_ij)²
   * and e[i] = ½ Σ_j (y_ij - x_ij)², y the network output; optionally the activations of layer
   * {@code latentLayer} and the output (both scaled).
   */
  public void reconstructionErrors(float[] x, int rows, double[] mse, double[] e, int latentLayer, float[][] latent,
      float[][] output) {
    int n = layout.inputSize();
    int out = layout.widths()[layout.layers()];
    if (out != n) throw new IllegalArgumentException("not an autoencoder: " + n + " inputs, " + out + " outputs");
    forward(x, rows, (first, r, a) -> {
      float[] y = a[layout.layers()];
      for (int i = 0; i < r; i++) {
        int o = i * n;
        int xo = (first + i) * n;
        float s = sumSquaredDifference(y, o, x, xo, n);
        mse[first + i] = s / n;
        if (e != null) e[first + i] = 0.5 * s;
        if (output != null) System.arraycopy(y, o, output[first + i], 0, n);
      }
      if (latent != null) {
        int k = layout.widths()[latentLayer + 1];
        for (int i = 0; i < r; i++) System.arraycopy(a[latentLayer + 1], i * k, latent[first + i], 0, k);
      }
    });
  }

  /**
   * Σ (a[ao+j] - b[bo+j])² over j < n, with eight independent partial sums: C2 does not vectorise
   * a float sum (it must keep the sequential order), and one accumulator would wait ~4 cycles
   * per element on the add latency.
   */
  static float sumSquaredDifference(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (; j + 8 <= n; j += 8) {
      float d0 = a[ao + j] - b[bo + j];
      float d1 = a[ao + j + 1] - b[bo + j + 1];
      float d2 = a[ao + j + 2] - b[bo + j + 2];
      float d3 = a[ao + j + 3] - b[bo + j + 3];
      float d4 = a[ao + j + 4] - b[bo + j + 4];
      float d5 = a[ao + j + 5] - b[bo + j + 5];
      float d6 = a[ao + j + 6] - b[bo + j + 6];
      float d7 = a[ao + j + 7] - b[bo + j + 7];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
      s4 += d4 * d4;
      s5 += d5 * d5;
      s6 += d6 * d6;
      s7 += d7 * d7;
    }
    for (; j < n; j++) {
      float d = a[ao + j] - b[bo + j];
      s0 += d * d;
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}
