package org.moho.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyMatcherTest {
  static final double DEG = Math.PI / 180 * 6371; // km per degree on the equator

  /**
   * On the equator: detections D0 at 0.00 E and D1 at 0.10 E; entries C0 at 0.08 E and C1 at
   * 0.15 W; radius 25 km. Taking detections in index order, D0 grabs its nearest entry C0 (8.9 km)
   * and D1 is left with C1 at 27.8 km, out of range: one match. Closest pair first takes D1–C0
   * (2.2 km), then D0–C1 (16.7 km): two matches.
   */
  @Test
  void closestPairFirstDiffersFromDetectionOrder() {
    double[] dLon = {0.00, 0.10};
    double[] dLat = {0, 0};
    double[] cLon = {0.08, -0.15};
    double[] cLat = {0, 0};
    List<GreedyMatcher.Pair> m = GreedyMatcher.match(dLon, dLat, cLon, cLat, 25);
    assertEquals(2, m.size());
    assertEquals(1, m.get(0).detection());
    assertEquals(0, m.get(0).entry());
    assertEquals(0.02 * DEG, m.get(0).km(), 1e-6);
    assertEquals(0, m.get(1).detection());
    assertEquals(1, m.get(1).entry());
    assertEquals(0.15 * DEG, m.get(1).km(), 1e-6);
    // The naive order, for contrast: D0 takes C0, D1's only free entry is too far.
    assertEquals(0.25 * DEG, GreatCircle.km(0.10, 0, -0.15, 0), 1e-6);
    assertEquals(true, 0.25 * DEG > 25);
  }

  @Test
  void oneToOneAndRadiusInclusive() {
    // Two detections on one entry: only the closer one matches; 24.99 km is in, 25.01 km is out.
    double[] dLon = {0.0, 0.05, 3.0, 5.0};
    double[] dLat = {0, 0, 0, 0};
    double[] cLon = {0.01, 3.0 + 24.99 / DEG, 5.0 + 25.01 / DEG};
    double[] cLat = {0, 0, 0};
    List<GreedyMatcher.Pair> m = GreedyMatcher.match(dLon, dLat, cLon, cLat, 25);
    assertEquals(2, m.size());
    assertEquals(0, m.get(0).detection());
    assertEquals(2, m.get(1).detection());
    assertEquals(24.99, m.get(1).km(), 1e-9);
  }

  @Test
  void matchCurveOfAHandExample() {
    // The first example plus D2 far away; scores D0 0.5, D1 0.9, D2 0.7 (higher is better).
    double[] dLon = {0.00, 0.10, 5.0};
    double[] dLat = {0, 0, 0};
    double[] score = {0.5, 0.9, 0.7};
    double[] cLon = {0.08, -0.15};
    double[] cLat = {0, 0};
    List<MatchCurve.Point> c = MatchCurve.sweep(dLon, dLat, score, true, cLon, cLat, 25, 100);
    assertEquals(3, c.size());
    assertEquals(round(new MatchCurve.Point(0.9, 1, 1, 0.5, 0.0, 0.02 * DEG)), round(c.get(0)));
    assertEquals(round(new MatchCurve.Point(0.7, 2, 1, 0.5, 0.5, 0.02 * DEG)), round(c.get(1)));
    // All three: D1-C0 and D0-C1, median of 2.2 and 16.7 km.
    assertEquals(round(new MatchCurve.Point(0.5, 3, 2, 1.0, 1.0 / 3, (0.02 + 0.15) / 2 * DEG)), round(c.get(2)));
    assertEquals(0.5, MatchCurve.bestWithFprAtMost(c, 0.10).sr());
    assertEquals(1.0, MatchCurve.bestWithFprAtMost(c, 0.40).sr());
    // Lower is better reverses the order: D0 alone first (matched to C0, 8.9 km).
    List<MatchCurve.Point> low = MatchCurve.sweep(dLon, dLat, score, false, cLon, cLat, 25, 100);
    assertEquals(round(new MatchCurve.Point(0.5, 1, 1, 0.5, 0.0, 0.08 * DEG)), round(low.get(0)));
    // At most two points: spread over the ranks, always ending with all detections.
    List<MatchCurve.Point> two = MatchCurve.sweep(dLon, dLat, score, true, cLon, cLat, 25, 2);
    assertEquals(2, two.size());
    assertEquals(3, two.get(1).detections());
  }

  private static MatchCurve.Point round(MatchCurve.Point p) {
    return new MatchCurve.Point(p.threshold(), p.detections(), p.matched(), p.sr(), r(p.fpr()), r(p.medianKm()));
  }

  private static double r(double x) {
    return Math.round(x * 1e9) / 1e9;
  }
}
