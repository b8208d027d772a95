package org.moho.pipelines.qc;

import java.util.Arrays;

/**
 * ROC AUC as the Mann–Whitney U statistic: the probability that a random bad record scores
 * higher than a random clean one, ties counting one half (average ranks).
 */
final class Auc {
  private Auc() {}

  static double of(double[] clean, double[] bad) {
    int n = clean.length + bad.length;
    double[][] all = new double[n][];
    for (int i = 0; i < clean.length; i++) all[i] = new double[] {clean[i], 0};
    for (int i = 0; i < bad.length; i++) all[clean.length + i] = new double[] {bad[i], 1};
    Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
    double rankSumBad = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && all[j][0] == all[i][0]) j++;
      double rank = (i + 1 + j) / 2.0; // average of ranks i+1..j
      for (int k = i; k < j; k++) if (all[k][1] == 1) rankSumBad += rank;
      i = j;
    }
    double u = rankSumBad - bad.length * (bad.length + 1) / 2.0;
    return u / ((double) clean.length * bad.length);
  }
}
