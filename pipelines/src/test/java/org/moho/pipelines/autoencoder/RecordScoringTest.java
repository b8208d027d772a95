package org.moho.pipelines.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordScoringTest {
  @Test
  void allFiniteAgreesWithFloatIsFiniteOnEveryKindOfFloat() {
    float[] kinds = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xff800001),
        1e-40f, 3.4e38f, Math.nextDown(Float.POSITIVE_INFINITY)};
    for (float k : kinds) {
      for (int at : new int[] {0, 5, 31}) {
        float[] v = new float[32];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.37f - 4;
        v[at] = k;
        assertEquals(Float.isFinite(k), RecordScoring.allFinite(v, 0, v.length), k + " at " + at);
        assertEquals(true, RecordScoring.allFinite(v, at + 1, v.length - at - 1), "the range after " + at);
      }
    }
    assertEquals(true, RecordScoring.allFinite(new float[0], 0, 0));
  }
}
