package org.moho.models.autoencoder;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Mean squared error with a weight per record: {@code w_i * mean_j (y_ij - t_ij)^2}. The labels
 * carry the weight as one extra last column, {@code [targets | w]}.
 *
 * <p>Why not DL4J's label mask: a [records, 1] mask is meant to be 0/1; DL4J also multiplies the
 * output layer's activations by it (BaseLayer.applyMask), so a weight of 2 does not double a
 * record's share of the loss (measured: it scaled the loss by ~2.8). This loss makes the weight a
 * plain factor on the record's squared error and on its gradient.
 */
public final class RecordWeightedMse implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
    long n = preOutput.columns();
    INDArray target = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
    INDArray w = labels.get(NDArrayIndex.all(), NDArrayIndex.point(n));
    INDArray diff = fn.getActivation(preOutput.dup(), true).subi(target);
    return diff.muli(diff).mean(1).muli(w).reshape(-1, 1);
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
    double sum = computeScoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
    return average ? sum / preOutput.rows() : sum;
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
    long n = preOutput.columns();
    INDArray target = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
    INDArray w = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(n, n + 1));
    INDArray dLdOut = fn.getActivation(preOutput.dup(), true).subi(target).muli(2.0 / n).muliColumnVector(w);
    return fn.backprop(preOutput.dup(), dLdOut).getFirst();
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn,
      INDArray mask, boolean average) {
    return new Pair<>(computeScore(labels, preOutput, fn, mask, average), computeGradient(labels, preOutput, fn, mask));
  }

  @Override
  public String name() {
    return "record-weighted-mse";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordWeightedMse;
  }

  @Override
  public int hashCode() {
    return 17;
  }

  @Override
  public String toString() {
    return name();
  }
}
