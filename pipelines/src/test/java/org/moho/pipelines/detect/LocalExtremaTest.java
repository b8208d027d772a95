package org.moho.pipelines.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalExtremaTest {
  @Test
  void minimaMaximaAndPlateaus() {
    float n = Float.NaN;
    // 5 x 3, row 0 first (south).
    float[] v = {
        5, 5, 9, 2, 8,
        5, 5, 9, 1, 8,
        7, 6, n, 3, 8};
    // Maxima over 3x3: the 9s at indices 2 and 7 tie: only the earlier counts. The 5-plateau
    // (0,1,5,6) counts once, at 0; the 8s at 4, 9, 14 count once, at 4; the 7 at 10 beats 5, 5, 6.
    assertEquals(List.of(0, 2, 4, 10), LocalExtrema.maxima(v, 5, 3, 1));
    // Minima: the 1 at index 8; the plateau of 5s at indices 0,1,5,6 gives one node, index 0.
    assertEquals(List.of(0, 8), LocalExtrema.minima(v, 5, 3, 1));
    // With a 7x7 window the 5-plateau is no longer a minimum (the 1, 3 columns east, is within reach).
    assertEquals(List.of(0, 8), LocalExtrema.minima(v, 5, 3, 2));
    assertEquals(List.of(8), LocalExtrema.minima(v, 5, 3, 3));
  }

  @Test
  void prominenceIsTheSpillLevelAboveTheMinimum() {
    float[] row = {5, 1, 3, 0, 4};
    // Water in the basin of the 1 spills over the 3 into the 0: prominence 2, a true saddle.
    LocalExtrema.Prominence p = LocalExtrema.minimumProminence(row, 5, 1, 1, 10, 10);
    assertEquals(2.0, p.value());
    assertTrue(p.bounded());
    // The 0 is the lowest: nothing lower within the window; the level reaches the rim (5).
    LocalExtrema.Prominence q = LocalExtrema.minimumProminence(row, 5, 1, 3, 10, 10);
    assertEquals(5.0, q.value());
    assertFalse(q.bounded());
    // A window of one node each side: the 1 sees 5 and 3 only; a lower bound of 4.
    LocalExtrema.Prominence w = LocalExtrema.minimumProminence(row, 5, 1, 1, 1, 1);
    assertEquals(4.0, w.value());
    assertFalse(w.bounded());
  }

  @Test
  void ringAroundANode() {
    int n = 21;
    float[] v = new float[n * n];
    for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) v[j * n + i] = (float) Math.hypot(i - 10, j - 10);
    // Spacing 1 km: the ring of radius 5 km holds nodes 4.5..5.5 km from the centre.
    LocalExtrema.Ring r = LocalExtrema.ring(v, n, n, 10, 10, 5, 1, 1);
    assertEquals(r.total(), r.values().length);
    assertEquals(1.0, r.coverage());
    for (double x : r.values()) assertTrue(x >= 4.5 && x <= 5.5, "" + x);
    // Worked in Python over the 28 lattice offsets with |hypot - 5| <= 0.5: mean 5.1383, median sqrt(26).
    assertEquals(28, r.total());
    assertEquals(5.138338377350654, r.mean(), 1e-6);
    assertEquals(Math.sqrt(26), r.median(), 1e-6);
    // Near the edge, part of the ring is missing.
    LocalExtrema.Ring e = LocalExtrema.ring(v, n, n, 1, 10, 5, 1, 1);
    assertEquals(17.0 / 28, e.coverage(), 1e-12);
  }
}
