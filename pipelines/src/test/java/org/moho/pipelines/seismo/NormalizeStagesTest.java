package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageOutputs;

/** normalize and seismo.normalize on the real CRLZ trace, with a dead (all-zero) record. */
class NormalizeStagesTest {
  @Test
  void peakScalesFeatureVectorsAndRejectsDeadOnes() {
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    float[] live = new float[4096];
    for (int i = 0; i < live.length; i++) live[i] = (float) crlz.samples()[i];
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new Normalize(), StageHarness.bind(NormalizeConfig.class, "{}"),
        StageHarness.create(p, FeatureVector.class,
            new FeatureVector("live", live, Map.of("station", "CRLZ")),
            new FeatureVector("dead", new float[4096], Map.of())));
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(vs -> {
      FeatureVector v = vs.iterator().next();
      assertEquals("live", v.key());
      assertEquals("CRLZ", v.metadata().get("station"));
      float max = 0;
      for (int i = 0; i < v.values().length; i++) {
        assertTrue(Math.abs(v.values()[i]) <= 1f);
        max = Math.max(max, Math.abs(v.values()[i]));
        assertEquals(live[i] / 1635.0, v.values()[i], 1e-6); // 1635 counts: the window's peak (make_reference.py)
      }
      assertEquals(1f, max);
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out), new ErrorRecord("stage", "dead", "dead: all samples equal", null));
    p.run().waitUntilFinish();
  }

  @Test
  void zscoreScalesWaveformsAndRejectsDeadOnes() {
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    Waveform flat = new Waveform("NZ", "CRLZ", "10", "HHN", crlz.start(), 100, new double[500], "test", Map.of());
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoNormalize(), StageHarness.bind(NormalizeConfig.class, "{mode: zscore}"),
        StageHarness.create(p, Waveform.class, crlz, flat));
    PAssert.that(StageOutputs.<Waveform>main(out)).satisfies(ws -> {
      Waveform w = ws.iterator().next();
      assertEquals(crlz.id(), w.id());
      assertEquals(crlz.start(), w.start());
      assertEquals(crlz.attributes(), w.attributes());
      double mean = 0;
      for (double v : w.samples()) mean += v;
      mean /= w.length();
      double var = 0;
      for (double v : w.samples()) var += (v - mean) * (v - mean);
      assertEquals(0, mean, 1e-9);
      assertEquals(1, var / w.length(), 1e-9);
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out),
        new ErrorRecord("stage", "NZ.CRLZ.10.HHN@" + crlz.start(), "dead: all samples equal", null));
    p.run().waitUntilFinish();
  }
}
