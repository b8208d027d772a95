package org.moho.models.mlp;

import java.util.List;

/**
 * How a committee is trained.
 *
 * @param members committee size N (members differ only by seed: initial weights and batch order)
 * @param hidden hidden layer widths
 * @param activation hidden activation
 * @param maxEpochs epoch cap
 * @param patience stop when no member improved on validation for this many epochs
 * @param batchSize rows per step and member
 * @param learningRate Adam's initial learning rate
 * @param finalLearningRateFraction lr at maxEpochs as a fraction of the initial one
 * @param seed seed of weights and batch order
 */
public record MlpSettings(int members, List<Integer> hidden, EnsembleGraph.Activation activation, int maxEpochs,
    int patience, int batchSize, double learningRate, double finalLearningRateFraction, long seed) implements java.io.Serializable {
  public EnsembleTrainer.Settings trainer(boolean progressBar) {
    return new EnsembleTrainer.Settings(members, batchSize, maxEpochs, patience, learningRate,
        finalLearningRateFraction, seed, progressBar);
  }
}
