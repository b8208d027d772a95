package org.moho.pipelines.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
  // ten negatives, worked by hand: sorted descending 9 8 7 6 5 4 3 2 1 0
  private static final List<Double> NEG = List.of(3.0, 0.0, 9.0, 1.0, 8.0, 2.0, 7.0, 4.0, 6.0, 5.0);

  @Test
  void falsePositiveRate() {
    assertEquals(9.0, ThresholdRule.forFalsePositiveRate(NEG, 0.0)); // nothing above 9
    assertEquals(8.0, ThresholdRule.forFalsePositiveRate(NEG, 0.1)); // only 9 above 8: FPR 0.1
    assertEquals(8.0, ThresholdRule.forFalsePositiveRate(NEG, 0.15));
    assertEquals(6.0, ThresholdRule.forFalsePositiveRate(NEG, 0.3)); // 9, 8, 7 above
    assertEquals(Math.nextDown(0.0), ThresholdRule.forFalsePositiveRate(NEG, 1.0)); // everything flagged
  }

  @Test
  void truePositiveRate() {
    List<Double> pos = List.of(10.0, 20.0, 30.0, 40.0);
    assertEquals(Math.nextDown(40.0), ThresholdRule.forTruePositiveRate(pos, 0.25)); // 40 above
    assertEquals(Math.nextDown(30.0), ThresholdRule.forTruePositiveRate(pos, 0.5));
    assertEquals(Math.nextDown(20.0), ThresholdRule.forTruePositiveRate(pos, 0.6)); // 3 of 4 needed
    assertEquals(Math.nextDown(10.0), ThresholdRule.forTruePositiveRate(pos, 1.0));
  }
}
