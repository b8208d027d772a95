package org.moho.models.mlp;

import java.io.Serializable;

/**
 * Per-column centring and scaling, fitted on the training split only. A column with no spread
 * (e.g. an oxide absent from every training melt) keeps scale 1 so it stays finite.
 */
public record Standardizer(double[] mean, double[] scale) implements Serializable {
  public static Standardizer fit(double[][] x, int[] rows) {
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int r : rows) for (int j = 0; j < d; j++) mean[j] += x[r][j];
    for (int j = 0; j < d; j++) mean[j] /= rows.length;
    for (int r : rows) for (int j = 0; j < d; j++) scale[j] += (x[r][j] - mean[j]) * (x[r][j] - mean[j]);
    for (int j = 0; j < d; j++) {
      double sd = Math.sqrt(scale[j] / Math.max(1, rows.length - 1));
      scale[j] = sd > 1e-12 ? sd : 1.0;
    }
    return new Standardizer(mean, scale);
  }

  public double[] apply(double[] row) {
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / scale[j];
    return out;
  }
}
