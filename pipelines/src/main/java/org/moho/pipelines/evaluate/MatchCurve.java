package org.moho.pipelines.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The success-rate / false-positive-rate curve of a detector against a catalogue, swept over a
 * score threshold: at each threshold the detections whose score is at least as good are matched
 * greedily ({@link GreedyMatcher}) to the catalogue; SR = matched entries / entries, FPR =
 * unmatched detections / detections kept. Matching is redone at every threshold (greedy matching
 * of a subset is not a subset of the full matching).
 */
public final class MatchCurve {
  private MatchCurve() {}

  /** One threshold: how many detections pass, how many of them are matched, SR, FPR, median km. */
  public record Point(double threshold, int detections, int matched, double sr, double fpr, double medianKm) {}

  /**
   * Points for every distinct score (best first), or for {@code maxPoints} of them evenly spread
   * over the ranks (always including the loosest threshold) when there are more.
   */
  public static List<Point> sweep(double[] dLon, double[] dLat, double[] score, boolean higherIsBetter,
      double[] cLon, double[] cLat, double radiusKm, int maxPoints) {
    List<GreedyMatcher.Pair> pairs = GreedyMatcher.candidates(dLon, dLat, cLon, cLat, radiusKm);
    double[] distinct = distinctBestFirst(score, higherIsBetter);
    List<Point> out = new ArrayList<>();
    int n = distinct.length;
    int points = Math.min(n, Math.max(1, maxPoints));
    for (int p = 1; p <= points; p++) {
      int idx = (int) Math.round((double) p * n / points) - 1;
      out.add(at(pairs, dLon.length, cLon.length, score, higherIsBetter, distinct[idx]));
    }
    return out;
  }

  /** The point at one threshold; {@code NaN} as threshold keeps every detection. */
  public static Point at(double[] dLon, double[] dLat, double[] score, boolean higherIsBetter,
      double[] cLon, double[] cLat, double radiusKm, double threshold) {
    return at(GreedyMatcher.candidates(dLon, dLat, cLon, cLat, radiusKm), dLon.length, cLon.length, score,
        higherIsBetter, threshold);
  }

  static Point at(List<GreedyMatcher.Pair> pairs, int detections, int entries, double[] score, boolean higherIsBetter,
      double threshold) {
    boolean[] use = new boolean[detections];
    int kept = 0;
    for (int d = 0; d < detections; d++) {
      use[d] = Double.isNaN(threshold) || (higherIsBetter ? score[d] >= threshold : score[d] <= threshold);
      if (use[d]) kept++;
    }
    List<GreedyMatcher.Pair> m = GreedyMatcher.greedy(pairs, detections, entries, d -> use[d]);
    double[] km = m.stream().mapToDouble(GreedyMatcher.Pair::km).sorted().toArray();
    double median = km.length == 0 ? Double.NaN
        : km.length % 2 == 1 ? km[km.length / 2] : (km[km.length / 2 - 1] + km[km.length / 2]) / 2;
    double sr = entries == 0 ? Double.NaN : (double) m.size() / entries;
    double fpr = kept == 0 ? Double.NaN : (double) (kept - m.size()) / kept;
    return new Point(threshold, kept, m.size(), sr, fpr, median);
  }

  /** The best SR among points with FPR at most {@code maxFpr}, or null when none qualifies. */
  public static Point bestWithFprAtMost(List<Point> curve, double maxFpr) {
    Point best = null;
    for (Point p : curve) {
      if (p.fpr() <= maxFpr + 1e-12 && (best == null || p.sr() > best.sr())) best = p;
    }
    return best;
  }

  static double[] distinctBestFirst(double[] score, boolean higherIsBetter) {
    double[] s = Arrays.stream(score).filter(x -> !Double.isNaN(x)).sorted().distinct().toArray();
    if (higherIsBetter) {
      for (int i = 0; i < s.length / 2; i++) {
        double t = s[i];
        s[i] = s[s.length - 1 - i];
        s[s.length - 1 - i] = t;
      }
    }
    return s;
  }
}
