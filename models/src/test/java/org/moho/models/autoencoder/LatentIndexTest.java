package org.moho.models.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moho.models.testdata.RealData;

class LatentIndexTest {
  @Test
  void findsTheSameNeighboursAsAFullSort() throws Exception {
    // real 16-value "codes": consecutive 16-sample windows of CRLZ
    float[][] codes = RealData.seismogramWindows(16, 1500);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) keys.add("w" + i);
    LatentIndex index = new LatentIndex(keys, codes);
    for (int q : new int[] {0, 17, 700, 1499}) {
      List<Neighbour> got = index.nearest(codes[q], 5, "w" + q);
      List<double[]> all = new ArrayList<>();
      for (int i = 0; i < codes.length; i++) {
        if (i == q) continue;
        double d = 0;
        for (int j = 0; j < 16; j++) d += Math.pow((double) codes[i][j] - codes[q][j], 2);
        all.add(new double[] {Math.sqrt(d), i});
      }
      all.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
      assertEquals(5, got.size());
      for (int r = 0; r < 5; r++) {
        assertEquals((int) all.get(r)[1], got.get(r).index());
        assertEquals("w" + (int) all.get(r)[1], got.get(r).key());
        assertEquals(all.get(r)[0], got.get(r).distance(), 1e-9);
      }
    }
    assertEquals(0.0, index.nearest(codes[3], 1).get(0).distance()); // itself when not excluded
  }
}
