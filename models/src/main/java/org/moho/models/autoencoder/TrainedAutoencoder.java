package org.moho.models.autoencoder;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained network with what it was trained on and how it went.
 *
 * @param network the DL4J network (weights of the best epoch when a validation split was used)
 * @param config the training config
 * @param normaliser the input scaling fitted on the training split
 * @param inputSize values per record
 * @param dataFingerprint {@link TrainingData#fingerprint()} of all records given
 * @param trainRecords records in the training split
 * @param validationRecords records held out for validation
 * @param metrics one entry per epoch run
 * @param bestEpoch the epoch whose weights were kept (the last one without validation)
 * @param stoppedEarly true when patience ran out before the last epoch
 * @param errorPercentiles per-record MSE of the training split under the final weights at
 *     percentiles 0, 0.1, 0.2 ... 100 (1001 values), for thresholds
 */
public record TrainedAutoencoder(
    MultiLayerNetwork network,
    AutoencoderConfig config,
    Normaliser normaliser,
    int inputSize,
    String dataFingerprint,
    int trainRecords,
    int validationRecords,
    List<EpochMetrics> metrics,
    int bestEpoch,
    boolean stoppedEarly,
    double[] errorPercentiles) {

  public double finalLoss() {
    EpochMetrics last = metrics.get(metrics.size() - 1);
    return Double.isNaN(last.validationLoss()) ? last.trainLoss() : metrics.get(bestEpoch).validationLoss();
  }
}
