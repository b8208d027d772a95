package org.moho.models.autoencoder;

/**
 * Scores of a batch, one entry per record in batch order.
 *
 * @param mse mean over the record's values of (s' - s)^2, in the scaled space the model was
 *     trained in (the training loss, per record)
 * @param e the papers' misfit E = 1/2 ||s' - s||^2 in the same space (= inputSize * mse / 2)
 * @param latent the code per record, or null when not asked for
 * @param reconstruction s' per record in input units (scaling undone), or null when not asked for
 */
public record Scores(double[] mse, double[] e, float[][] latent, float[][] reconstruction) {
  public int size() {
    return mse.length;
  }
}
