package org.moho.models.bundle;

import java.util.List;
import java.util.Map;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.EpochMetrics;

/**
 * The content of a bundle's {@code model.json}: what the model is, how and on what it was trained,
 * and with which software. Fields added later must be read with a fallback (null) so that old
 * bundles still load.
 *
 * @param format bundle format version
 * @param kind "autoencoder"
 * @param inputSize values per record the model takes
 * @param latentSize size of the code
 * @param latentLayer index of the layer whose activations are the code
 * @param parameters number of trainable parameters
 * @param layers one line per DL4J layer
 * @param config the training config
 * @param data fingerprint and counts of the training data
 * @param metrics per-epoch metrics
 * @param bestEpoch the epoch whose weights the bundle holds
 * @param stoppedEarly whether early stopping ended training
 * @param finalLoss the validation loss of the best epoch, or the last training loss
 * @param errorPercentiles per-record MSE of the training split at percentiles 0, 0.1 ... 100
 * @param software Moho, DL4J, Java versions, OS and architecture
 * @param created ISO-8601 UTC time of writing
 * @param modelSha256 SHA-256 of model.zip
 */
public record ModelInfo(
    int format,
    String kind,
    int inputSize,
    int latentSize,
    int latentLayer,
    long parameters,
    List<String> layers,
    AutoencoderConfig config,
    DataInfo data,
    List<EpochMetrics> metrics,
    int bestEpoch,
    boolean stoppedEarly,
    double finalLoss,
    double[] errorPercentiles,
    Map<String, String> software,
    String created,
    String modelSha256) {

  /**
   * @param sha256 SHA-256 over the float data and shape ({@code TrainingData.fingerprint()})
   * @param records all records given
   * @param trainRecords records in the training split
   * @param validationRecords records held out
   */
  public record DataInfo(String sha256, int records, int trainRecords, int validationRecords) {}

  /** The training MSE at percentile {@code p} in [0, 100], interpolated between stored values. */
  public double errorAtPercentile(double p) {
    if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
    if (errorPercentiles == null || errorPercentiles.length < 2) {
      throw new BundleException("this bundle stores no training-error percentiles");
    }
    double pos = p / 100 * (errorPercentiles.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(errorPercentiles.length - 1, lo + 1);
    return errorPercentiles[lo] + (pos - lo) * (errorPercentiles[hi] - errorPercentiles[lo]);
  }
}
