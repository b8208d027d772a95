package org.moho.models.autoencoder;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.moho.models.autoencoder.fast.DenseForwardPass;
import org.moho.models.autoencoder.fast.DenseLayout;
import org.moho.models.bundle.ModelBundle;
import org.moho.models.bundle.SharedBundles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores batches of records with a trained autoencoder: per record the MSE and the misfit
 * E = ½‖s′ − s‖² of Valentine &amp; Trampert (2012), optionally the latent code and the
 * reconstruction. Load it once per worker and feed it whole batches (one INDArray of many
 * records): DL4J's per-call overhead makes one-record calls ~100x slower per record.
 *
 * <p>Dense autoencoders (every dense bundle Moho trains) are scored by {@link DenseForwardPass}
 * on the network's own weights: SGEMM into preallocated buffers and fused bias + activation,
 * ~3x DL4J's {@code output} here (BENCHMARKS.md, "Speed"), equal to DL4J's
 * {@code network.output(scaled input, false)} up to float rounding (relative difference of the
 * per-record MSE below 1e-5, {@code FastPathEqualsDl4jTest}). Other networks go through DL4J.
 * Not thread-safe (neither DL4J networks nor the preallocated buffers are): one scorer per thread.
 */
public final class ReconstructionErrorScorer {
  private final ModelBundle bundle;
  private final MultiLayerNetwork net;
  private final Normaliser normaliser;
  private final int inputSize;
  private final int latentLayer;
  /** Null when the network is not a plain dense stack: DL4J scores it then. */
  private final DenseForwardPass fast;
  /** The fast path's scaled copy of a flat batch, reused from call to call. */
  private float[] scratch;

  public ReconstructionErrorScorer(ModelBundle bundle) {
    this(bundle, true);
  }

  /** @param fastPath false to score through DL4J even when the fast path supports the network */
  public ReconstructionErrorScorer(ModelBundle bundle, boolean fastPath) {
    this(bundle, bundle.network(), fastPath);
  }

  private ReconstructionErrorScorer(ModelBundle bundle, MultiLayerNetwork net, boolean fastPath) {
    this.bundle = bundle;
    this.net = net;
    this.normaliser = bundle.normaliser();
    this.inputSize = bundle.info().inputSize();
    this.latentLayer = bundle.info().latentLayer();
    this.fast = fastPath ? DenseLayout.forInference(net).map(l -> new DenseForwardPass(net, l)).orElse(null) : null;
  }

  /** True when records are scored by the fast path rather than DL4J. */
  public boolean usesFastPath() {
    return fast != null;
  }

  /** Loads and checks the bundle at {@code dir} ({@link ModelBundle#load}). */
  public static ReconstructionErrorScorer load(Path dir) {
    return new ReconstructionErrorScorer(ModelBundle.load(dir));
  }

  /**
   * A scorer of the bundle at {@code dir} as loaded once per JVM ({@link SharedBundles}): what a
   * DoFn's {@code @Setup} calls. The scorer gets its own copy of the network (DL4J networks are
   * not thread-safe), which costs a copy of the parameters instead of a load and checksum.
   */
  public static ReconstructionErrorScorer shared(Path dir) {
    ModelBundle b = SharedBundles.get(dir);
    return new ReconstructionErrorScorer(b, b.network().clone(), true);
  }

  public ModelBundle bundle() {
    return bundle;
  }

  /** The network this scorer runs (its own copy when made by {@link #shared}). */
  public MultiLayerNetwork network() {
    return net;
  }

  public int inputSize() {
    return inputSize;
  }

  /** Scores {@code records} (each of {@link #inputSize()} values) as one batch. */
  public Scores score(float[][] records, boolean withLatent, boolean withReconstruction) {
    if (fast == null) return score(matrix(records), withLatent, withReconstruction);
    int n = records.length == 0 ? inputSize : records[0].length;
    bundle.requireInputSize(n);
    return scoreFast(flatten(records, n), records.length, withLatent, withReconstruction);
  }

  /**
   * Scores {@code rows} records of {@link #inputSize()} values each, given row-major in
   * {@code values} from index {@code from} on (input units; {@code values} is not modified).
   */
  public Scores score(float[] values, int from, int rows, boolean withLatent, boolean withReconstruction) {
    if (fast == null) {
      float[] x = java.util.Arrays.copyOfRange(values, from, from + rows * inputSize);
      return score(Nd4j.create(x, new long[] {rows, inputSize}, 'c'), withLatent, withReconstruction);
    }
    // scaled in a buffer kept between calls: a fresh copy per batch was the largest allocation
    // of batched scoring on a runner, and every allocation brings the next young collection,
    // which copies the batches the runner holds (BENCHMARKS.md, "Speed")
    int n = rows * inputSize;
    if (scratch == null || scratch.length < n) scratch = new float[n];
    System.arraycopy(values, from, scratch, 0, n);
    return scoreFast(scratch, rows, withLatent, withReconstruction);
  }

  /** The fast path; {@code x} is scaled in place. */
  private Scores scoreFast(float[] x, int rows, boolean withLatent, boolean withReconstruction) {
    normaliser.apply(x, inputSize, rows);
    double[] mse = new double[rows];
    double[] e = new double[rows];
    float[][] latent = withLatent ? new float[rows][fast.layout().widths()[latentLayer + 1]] : null;
    float[][] recon = withReconstruction ? new float[rows][inputSize] : null;
    fast.reconstructionErrors(x, rows, mse, e, latentLayer, latent, recon);
    if (recon != null) for (float[] r : recon) normaliser.invert(r);
    return new Scores(mse, e, latent, recon);
  }

  /** Scores a [records, inputSize] batch in input units; {@code batch} is not modified. */
  public Scores score(INDArray batch, boolean withLatent, boolean withReconstruction) {
    bundle.requireInputSize((int) batch.columns());
    if (fast != null) {
      int rows = (int) batch.rows();
      float[] x = batch.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
      return scoreFast(x, rows, withLatent, withReconstruction);
    }
    INDArray x = normaliser.apply(batch.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c'));
    INDArray out = net.output(x, false);
    INDArray diff = out.sub(x);
    INDArray sq = diff.muli(diff);
    double[] mse = sq.mean(1).toDoubleVector();
    double[] e = sq.sum(1).muli(0.5).toDoubleVector();
    float[][] latent = withLatent ? encodeScaled(x).toFloatMatrix() : null;
    float[][] recon = withReconstruction ? normaliser.invert(out).toFloatMatrix() : null;
    return new Scores(mse, e, latent, recon);
  }

  /** Latent codes of a [records, inputSize] batch in input units, as [records, latentSize]. */
  public INDArray encode(INDArray batch) {
    bundle.requireInputSize((int) batch.columns());
    return encodeScaled(normaliser.apply(batch.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c')));
  }

  public float[][] encode(float[][] records) {
    if (fast == null) return encode(matrix(records)).toFloatMatrix();
    int n = records.length == 0 ? inputSize : records[0].length;
    bundle.requireInputSize(n);
    return scoreFast(flatten(records, n), records.length, true, false).latent();
  }

  private INDArray encodeScaled(INDArray x) {
    // activations.get(0) is the input; get(k + 1) is the output of layer k
    return net.feedForwardToLayer(latentLayer, x, false).get(latentLayer + 1);
  }

  private static float[] flatten(float[][] records, int n) {
    float[] flat = new float[records.length * n];
    for (int i = 0; i < records.length; i++) {
      if (records[i].length != n) throw new IllegalArgumentException("record " + i + " has " + records[i].length + " values, the first has " + n);
      System.arraycopy(records[i], 0, flat, i * n, n);
    }
    return flat;
  }

  private static INDArray matrix(float[][] records) {
    int n = records[0].length;
    float[] flat = new float[records.length * n];
    for (int i = 0; i < records.length; i++) {
      if (records[i].length != n) throw new IllegalArgumentException("record " + i + " has " + records[i].length + " values, the first has " + n);
      System.arraycopy(records[i], 0, flat, i * n, n);
    }
    return Nd4j.create(flat, new long[] {records.length, n}, 'c');
  }
}
