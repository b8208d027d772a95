package org.moho.models.mlp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Builds the member-batched arrays ({@code [N, B, ...]}) a committee graph is fed with. */
public final class Feeds {
  private Feeds() {}

  /** {@code [N, B, d]}: for member n the rows {@code rows[n]} of {@code x}. */
  public static INDArray rows3(double[][] x, int[][] rows) {
    int n = rows.length, b = rows[0].length, d = x[0].length;
    float[] v = new float[n * b * d];
    int k = 0;
    for (int[] member : rows) for (int r : member) for (int j = 0; j < d; j++) v[k++] = (float) x[r][j];
    return Nd4j.create(v, new long[] {n, b, d}, DataType.FLOAT);
  }

  /** {@code [N, B]}: for member n the values {@code values[rows[n]]}, times {@code scale}. */
  public static INDArray rows2(double[] values, int[][] rows, double scale) {
    int n = rows.length, b = rows[0].length;
    float[] v = new float[n * b];
    int k = 0;
    for (int[] member : rows) for (int r : member) v[k++] = (float) (values[r] * scale);
    return Nd4j.create(v, new long[] {n, b}, DataType.FLOAT);
  }

  /** The same rows for every one of {@code members}. */
  public static int[][] same(int[] rows, int members) {
    int[][] out = new int[members][];
    for (int m = 0; m < members; m++) out[m] = rows;
    return out;
  }

  public static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }
}
