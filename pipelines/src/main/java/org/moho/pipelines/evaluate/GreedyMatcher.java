package org.moho.pipelines.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One-to-one matching of detections to catalogue entries by great-circle distance, closest pair
 * first: all pairs within the radius are sorted by distance (ties by detection, then entry
 * index, so the result is deterministic) and a pair is taken when neither side is taken yet.
 * This is the usual greedy assignment of detection studies; it is not the optimal assignment
 * (which would maximise the number of matches) but it never pairs a detection with a farther
 * entry while a closer free one exists.
 */
public final class GreedyMatcher {
  private GreedyMatcher() {}

  /** A detection index, a catalogue index and their distance in km. */
  public record Pair(int detection, int entry, double km) {}

  /** All pairs no farther apart than {@code radiusKm}, closest first. */
  public static List<Pair> candidates(double[] dLon, double[] dLat, double[] cLon, double[] cLat, double radiusKm) {
    // Entries sorted by latitude so each detection looks only at a latitude band.
    Integer[] order = new Integer[cLat.length];
    for (int c = 0; c < order.length; c++) order[c] = c;
    Arrays.sort(order, Comparator.comparingDouble(c -> cLat[c]));
    double[] lats = new double[order.length];
    for (int r = 0; r < order.length; r++) lats[r] = cLat[order[r]];
    double band = Math.toDegrees(radiusKm / GreatCircle.EARTH_RADIUS_KM) + 1e-9;
    List<Pair> pairs = new ArrayList<>();
    for (int d = 0; d < dLon.length; d++) {
      int lo = lowerBound(lats, dLat[d] - band);
      for (int r = lo; r < lats.length && lats[r] <= dLat[d] + band; r++) {
        int c = order[r];
        double km = GreatCircle.km(dLon[d], dLat[d], cLon[c], cLat[c]);
        if (km <= radiusKm) pairs.add(new Pair(d, c, km));
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::km).thenComparingInt(Pair::detection).thenComparingInt(Pair::entry));
    return pairs;
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The greedy matching over sorted candidate pairs, using only detections that pass {@code use}. */
  public static List<Pair> greedy(List<Pair> sortedPairs, int detections, int entries, IntPredicate use) {
    boolean[] dTaken = new boolean[detections];
    boolean[] cTaken = new boolean[entries];
    List<Pair> out = new ArrayList<>();
    for (Pair p : sortedPairs) {
      if (dTaken[p.detection()] || cTaken[p.entry()] || !use.test(p.detection())) continue;
      dTaken[p.detection()] = true;
      cTaken[p.entry()] = true;
      out.add(p);
    }
    return out;
  }

  /** Greedy matching of all detections. */
  public static List<Pair> match(double[] dLon, double[] dLat, double[] cLon, double[] cLat, double radiusKm) {
    return greedy(candidates(dLon, dLat, cLon, cLat, radiusKm), dLon.length, cLon.length, d -> true);
  }
}
