package org.moho.models.autoencoder.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastTanhTest {
  @Test
  void errorAgainstMathTanhIsBelowTheStatedBound() {
    // every 1e-5 step over [-10, 10] (2 million points) plus the exact float neighbours of 0
    double worst = 0;
    double worstAt = 0;
    for (int i = -1_000_000; i <= 1_000_000; i++) {
      float x = i * 1e-5f;
      double err = Math.abs(FastTanh.tanh(x) - Math.tanh(x));
      if (err > worst) {
        worst = err;
        worstAt = x;
      }
    }
    System.out.printf("FastTanh: max |error| %.3g at x = %.5f%n", worst, worstAt);
    assertTrue(worst <= FastTanh.MAX_ABS_ERROR, "max error " + worst + " at " + worstAt);
    // relative accuracy near 0, where tanh(x) ~ x
    for (float x : new float[] {1e-30f, 1e-10f, 1e-6f, -3e-4f}) assertEquals(x, FastTanh.tanh(x), Math.abs(x) * 1e-6);
    assertEquals(1f, FastTanh.tanh(50f), 1e-7);
    assertEquals(-1f, FastTanh.tanh(Float.NEGATIVE_INFINITY), 1e-7);
    assertTrue(Float.isNaN(FastTanh.tanh(Float.NaN)));
  }
}
