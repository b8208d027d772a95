package org.moho.pipelines.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeded sequence of random grid nodes from which negative patches are drawn. Every worker
 * derives the same sequence from (seed, grid size), so tiles need not talk to each other: each
 * tile tries the candidates in its interior, and the stage keeps the K lowest-numbered candidates
 * that gave a valid patch. Drawing many more candidates than K leaves room for those that fall
 * on NaN, land or near a catalogue point.
 */
public final class NegativeCandidates {
  private NegativeCandidates() {}

  /** Up to {@code 100*k + 10000} distinct nodes as {col, row} pairs, in sequence order. */
  public static int[][] draw(long seed, int k, int gridNx, int gridNy) {
    long total = (long) gridNx * gridNy;
    int wanted = (int) Math.min(total, 100L * k + 10_000L);
    SplittableRandom rng = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>();
    int[][] out = new int[wanted][];
    int n = 0;
    // A bounded number of draws, so that a tiny grid cannot loop for long on duplicates.
    for (long tries = 0; n < wanted && tries < 20L * wanted; tries++) {
      int c = rng.nextInt(gridNx);
      int r = rng.nextInt(gridNy);
      if (seen.add((long) r * gridNx + c)) out[n++] = new int[] {c, r};
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** True when (lon, lat) is at least {@code minKm} from every point. */
  public static boolean farFromAll(double lon, double lat, List<CataloguePoint> points, double minKm) {
    for (CataloguePoint p : points) {
      if (Earth.distanceKm(lon, lat, p.lon(), p.lat()) < minKm) return false;
    }
    return true;
  }
}
