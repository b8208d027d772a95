package org.moho.pipelines.autoencoder;

import java.util.Arrays;
import java.util.List;

/**
 * Thresholds chosen on a labelled set of scores; a record is flagged when its score is strictly
 * greater than the threshold.
 */
final class ThresholdRule {
  private ThresholdRule() {}

  /**
   * The smallest threshold t among the negatives' scores such that at most {@code fpr} of the
   * negatives score above t: with negatives sorted descending, t is the one at index
   * floor(fpr * count), so floor(fpr * count) or fewer lie strictly above it.
   */
  static double forFalsePositiveRate(List<Double> negatives, double fpr) {
    if (negatives.isEmpty()) throw new IllegalArgumentException("the labelled set has no negatives to measure a false-positive rate on");
    double[] d = descending(negatives);
    int allowed = (int) Math.floor(fpr * d.length + 1e-9);
    return allowed >= d.length ? Math.nextDown(d[d.length - 1]) : d[allowed];
  }

  /**
   * The largest threshold such that at least {@code tpr} of the positives score above it: just
   * below the ceil(tpr * count)-th highest positive score.
   */
  static double forTruePositiveRate(List<Double> positives, double tpr) {
    if (positives.isEmpty()) throw new IllegalArgumentException("the labelled set has no positives to measure a true-positive rate on");
    double[] d = descending(positives);
    int needed = (int) Math.ceil(tpr * d.length - 1e-9);
    return needed == 0 ? d[0] : Math.nextDown(d[needed - 1]);
  }

  private static double[] descending(List<Double> v) {
    double[] d = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(d);
    for (int i = 0, j = d.length - 1; i < j; i++, j--) {
      double t = d[i];
      d[i] = d[j];
      d[j] = t;
    }
    return d;
  }
}
