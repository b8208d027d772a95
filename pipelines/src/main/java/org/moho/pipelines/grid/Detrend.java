package org.moho.pipelines.grid;

/** What is removed from a patch before scaling. */
public enum Detrend {
  NONE,
  /** The patch mean. */
  MEAN,
  /** The least-squares plane z = a + b*col + c*row over the patch (regional slope). */
  PLANE;

  /** Removes the trend from {@code v} (a full {@code n x n} patch, no NaN) in place. */
  public void removeFrom(float[] v, int n) {
    if (this == NONE) return;
    double mean = 0;
    for (float x : v) mean += x;
    mean /= v.length;
    double b = 0;
    double c = 0;
    if (this == PLANE) {
      // On a full square of centred coordinates u = col - (n-1)/2, w = row - (n-1)/2 the normal
      // equations decouple: b = sum(u z)/sum(u^2), c = sum(w z)/sum(w^2).
      double suz = 0;
      double swz = 0;
      double suu = 0;
      double h = (n - 1) / 2.0;
      for (int r = 0; r < n; r++) {
        for (int col = 0; col < n; col++) {
          double z = v[r * n + col] - mean;
          suz += (col - h) * z;
          swz += (r - h) * z;
          suu += (col - h) * (col - h);
        }
      }
      b = suz / suu;
      c = swz / suu; // sum(w^2) == sum(u^2) on a square
    }
    double h = (n - 1) / 2.0;
    for (int r = 0; r < n; r++) {
      for (int col = 0; col < n; col++) {
        v[r * n + col] = (float) (v[r * n + col] - mean - b * (col - h) - c * (r - h));
      }
    }
  }
}
