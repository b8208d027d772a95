package org.moho.pipelines.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * ROC and precision/recall curves of a binary score. Scores are ranked best first and tied
 * scores enter together (one curve point per distinct score), so the trapezoidal area under the
 * ROC curve equals the Mann–Whitney U statistic / (n0·n1): each positive–negative pair counts 1
 * when the positive ranks better and 1/2 when they tie. The same conventions as scikit-learn's
 * {@code roc_curve}, {@code roc_auc_score} and {@code average_precision_score}.
 */
public final class RocCurve {
  /** Thresholds best first, with cumulative true/false positive counts at each. */
  private final double[] thresholds;
  private final long[] tp;
  private final long[] fp;
  private final long positives;
  private final long negatives;
  private final boolean higherIsBetter;

  private RocCurve(double[] thresholds, long[] tp, long[] fp, long positives, long negatives, boolean higherIsBetter) {
    this.thresholds = thresholds;
    this.tp = tp;
    this.fp = fp;
    this.positives = positives;
    this.negatives = negatives;
    this.higherIsBetter = higherIsBetter;
  }

  /** The curve of scores with labels (true = positive); NaN scores are not allowed. */
  public static RocCurve of(double[] score, boolean[] positive, boolean higherIsBetter) {
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(score[i])) throw new IllegalArgumentException("score " + i + " is NaN");
      order[i] = i;
    }
    Comparator<Integer> byScore = Comparator.comparingDouble(i -> score[i]);
    Arrays.sort(order, higherIsBetter ? byScore.reversed() : byScore);
    List<Double> th = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    long t = 0;
    long f = 0;
    for (int r = 0; r < order.length; r++) {
      if (positive[order[r]]) t++;
      else f++;
      if (r == order.length - 1 || score[order[r + 1]] != score[order[r]]) {
        th.add(score[order[r]]);
        counts.add(new long[] {t, f});
      }
    }
    long[] tps = new long[th.size()];
    long[] fps = new long[th.size()];
    for (int i = 0; i < tps.length; i++) {
      tps[i] = counts.get(i)[0];
      fps[i] = counts.get(i)[1];
    }
    return new RocCurve(th.stream().mapToDouble(Double::doubleValue).toArray(), tps, fps, t, f, higherIsBetter);
  }

  public long positives() {
    return positives;
  }

  public long negatives() {
    return negatives;
  }

  /** Distinct thresholds, best first. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** False-positive rates, starting at the origin (0) before the first threshold. */
  public double[] fpr() {
    double[] x = new double[fp.length + 1];
    for (int i = 0; i < fp.length; i++) x[i + 1] = negatives == 0 ? Double.NaN : (double) fp[i] / negatives;
    return x;
  }

  /** True-positive rates (recall), starting at the origin (0). */
  public double[] tpr() {
    double[] y = new double[tp.length + 1];
    for (int i = 0; i < tp.length; i++) y[i + 1] = positives == 0 ? Double.NaN : (double) tp[i] / positives;
    return y;
  }

  /** Precision at each threshold (no origin point). */
  public double[] precision() {
    double[] p = new double[tp.length];
    for (int i = 0; i < tp.length; i++) p[i] = (double) tp[i] / (tp[i] + fp[i]);
    return p;
  }

  /** Recall at each threshold (no origin point). */
  public double[] recall() {
    double[] r = new double[tp.length];
    for (int i = 0; i < tp.length; i++) r[i] = positives == 0 ? Double.NaN : (double) tp[i] / positives;
    return r;
  }

  /** Trapezoidal area under the ROC curve; NaN when either class is empty. */
  public double auc() {
    if (positives == 0 || negatives == 0) return Double.NaN;
    // In counts, exactly: sum of (fp_i - fp_{i-1}) * (tp_i + tp_{i-1}) / 2, over n0 * n1.
    double area = 0;
    long pt = 0;
    long pf = 0;
    for (int i = 0; i < tp.length; i++) {
      area += (fp[i] - pf) * (double) (tp[i] + pt) / 2;
      pt = tp[i];
      pf = fp[i];
    }
    return area / ((double) positives * negatives);
  }

  /** Average precision: sum over thresholds of (R_i − R_{i−1})·P_i (scikit-learn's step rule). */
  public double averagePrecision() {
    if (positives == 0) return Double.NaN;
    double ap = 0;
    double prev = 0;
    double[] p = precision();
    double[] r = recall();
    for (int i = 0; i < p.length; i++) {
      ap += (r[i] - prev) * p[i];
      prev = r[i];
    }
    return ap;
  }

  /** The threshold maximising Youden's J = TPR − FPR (the first, best-ranked, on ties). */
  public double youdenThreshold() {
    double best = Double.NEGATIVE_INFINITY;
    double at = Double.NaN;
    double[] x = fpr();
    double[] y = tpr();
    for (int i = 0; i < thresholds.length; i++) {
      double j = y[i + 1] - x[i + 1];
      if (j > best) {
        best = j;
        at = thresholds[i];
      }
    }
    return at;
  }

  /** The confusion matrix when scores at least as good as {@code threshold} are called positive. */
  public static Confusion confusion(double[] score, boolean[] positive, boolean higherIsBetter, double threshold) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < score.length; i++) {
      boolean called = higherIsBetter ? score[i] >= threshold : score[i] <= threshold;
      if (called && positive[i]) tp++;
      else if (called) fp++;
      else if (positive[i]) fn++;
      else tn++;
    }
    return new Confusion(threshold, tp, fp, tn, fn);
  }

  /** Counts at one threshold. */
  public record Confusion(double threshold, long tp, long fp, long tn, long fn) {
    public double precision() {
      return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    public double fpr() {
      return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
    }

    public double accuracy() {
      return (double) (tp + tn) / (tp + fp + tn + fn);
    }
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
