package org.moho.pipelines.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianSmootherTest {
  /** An impulse gives the truncated (3 sigma) Gaussian, normalised to sum 1, worked by hand. */
  @Test
  void impulseResponseIsTheNormalisedTruncatedGaussian() {
    int n = 41;
    float[] v = new float[n * n];
    v[20 * n + 20] = 1;
    double sigma = 2;
    float[] out = GaussianSmoother.smooth(v, n, n, sigma, sigma);
    double norm = 0;
    for (int d = -6; d <= 6; d++) norm += Math.exp(-d * d / 8.0);
    for (int dj = -8; dj <= 8; dj++) {
      for (int di = -8; di <= 8; di++) {
        double want = Math.abs(di) > 6 || Math.abs(dj) > 6 ? 0
            : Math.exp(-di * di / 8.0) * Math.exp(-dj * dj / 8.0) / (norm * norm);
        assertEquals(want, out[(20 + dj) * n + 20 + di], 1e-7, di + "," + dj);
      }
    }
    assertEquals(6, GaussianSmoother.reach(2));
  }

  @Test
  void holesAndEdgesDoNotBiasTheMean() {
    int nx = 30;
    int ny = 20;
    float[] v = new float[nx * ny];
    Arrays.fill(v, 7.5f);
    for (int k = 0; k < v.length; k += 7) v[k] = Float.NaN;
    float[] out = GaussianSmoother.smooth(v, nx, ny, 3, 1.5);
    for (int k = 0; k < v.length; k++) {
      if (Float.isNaN(v[k])) assertTrue(Float.isNaN(out[k]));
      else assertEquals(7.5f, out[k], 1e-5f);
    }
    // A linear ramp in x is kept in the interior (symmetric kernel), bent only at the edges.
    float[] ramp = new float[nx * ny];
    for (int k = 0; k < ramp.length; k++) ramp[k] = k % nx;
    float[] r = GaussianSmoother.smooth(ramp, nx, ny, 2, 2);
    assertEquals(15f, r[10 * nx + 15], 1e-4f);
    assertTrue(r[10 * nx] > 0.5f); // the edge node's mean only sees nodes to its east
  }

  @Test
  void widthInKmBecomesNodesPerAxis() {
    // 60 km full width = 10 km sigma; 0.5 degree spacing at 60 N: 27.80 km east-west, 55.60 km north-south.
    double[] s = GaussianSmoother.sigmaNodes(60, 0.5, 0.5, 60);
    double km = Math.PI / 180 * 6371 * 0.5;
    assertEquals(10 / (km * 0.5), s[0], 1e-9);
    assertEquals(10 / km, s[1], 1e-9);
  }
}
