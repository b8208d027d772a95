package org.moho.models.autoencoder;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.moho.models.bundle.ModelBundle;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores batches of records with a trained autoencoder: per record the MSE and the misfit
 * E = ½‖s′ − s‖² of Valentine &amp; Trampert (2012), optionally the latent code and the
 * reconstruction. Load it once per worker and feed it whole batches (one INDArray of many
 * records): DL4J's per-call overhead makes one-record calls ~100x slower per record.
 *
 * <p>The reconstruction is exactly DL4J's {@code network.output(scaled input, false)}. Not
 * thread-safe (DL4J networks are not): one scorer per thread.
 */
public final class ReconstructionErrorScorer {
  private final ModelBundle bundle;
  private final MultiLayerNetwork net;
  private final Normaliser normaliser;
  private final int inputSize;
  private final int latentLayer;

  public ReconstructionErrorScorer(ModelBundle bundle) {
    this.bundle = bundle;
    this.net = bundle.network();
    this.normaliser = bundle.normaliser();
    this.inputSize = bundle.info().inputSize();
    this.latentLayer = bundle.info().latentLayer();
  }

  /** Loads and checks the bundle at {@code dir} ({@link ModelBundle#load}). */
  public static ReconstructionErrorScorer load(Path dir) {
    return new ReconstructionErrorScorer(ModelBundle.load(dir));
  }

  public ModelBundle bundle() {
    return bundle;
  }

  public int inputSize() {
    return inputSize;
  }

  /** Scores {@code records} (each of {@link #inputSize()} values) as one batch. */
  public Scores score(float[][] records, boolean withLatent, boolean withReconstruction) {
    return score(matrix(records), withLatent, withReconstruction);
  }

  /** Scores a [records, inputSize] batch in input units; {@code batch} is not modified. */
  public Scores score(INDArray batch, boolean withLatent, boolean withReconstruction) {
    bundle.requireInputSize((int) batch.columns());
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
    return encode(matrix(records)).toFloatMatrix();
  }

  private INDArray encodeScaled(INDArray x) {
    // activations.get(0) is the input; get(k + 1) is the output of layer k
    return net.feedForwardToLayer(latentLayer, x, false).get(latentLayer + 1);
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
