package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Waveform;
import org.moho.core.spec.Problems;
import org.moho.core.stage.StageOutputs;

/** seismo.preprocess on the DirectRunner with the real SAC traces CRLZ (100 Hz, no event) and II.TLY (20 Hz, o and a set). */
class SeismoPreprocessTest {
  @Test
  void chainOnTheRealTraceEqualsScipy() {
    PreprocessConfig config = StageHarness.bind(PreprocessConfig.class, """
        steps:
          - {op: cut, relative_to: start, begin: 0, end: 40.95}
          - {op: demean}
          - {op: detrend}
          - {op: taper, fraction: 0.05}
          - {op: bandpass, corners: [1.0, 10.0], order: 4, zero_phase: true}
        """);
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoPreprocess(), config,
        StageHarness.create(p, Waveform.class, crlz));
    double[] expected = Fixtures.reference("chain_band4.txt.gz");
    PAssert.that(StageOutputs.<Waveform>main(out)).satisfies(ws -> {
      Waveform w = ws.iterator().next();
      assertEquals("NZ.CRLZ.10.HHZ", w.id());
      assertEquals(crlz.start(), w.start());
      assertEquals(4096, w.length());
      double err = Fixtures.maxAbsDiff(expected, w.samples());
      assertTrue(err < 1e-9 * 1635, "error vs SciPy " + err);
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out));
    p.run().waitUntilFinish();
  }

  @Test
  void cutsAroundThePArrivalAndDecimates() {
    PreprocessConfig config = StageHarness.bind(PreprocessConfig.class, """
        steps:
          - {op: demean}
          - {op: cut, relative_to: p, begin: -10, end: 60}
          - {op: resample, rate: 5, method: decimate}
          - {op: cut, relative_to: origin, begin: 360, end: 370}
        """);
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    // a = 301.506 s, b = 0.0004 s after the SAC reference time 2011-03-11T05:47:30.033
    Instant p0 = tly.start().plusNanos(Math.round((301.5060119628906 - 0.0004) * 1e9));
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoPreprocess(), config, StageHarness.create(p, Waveform.class, tly));
    PAssert.that(StageOutputs.<Waveform>main(out)).satisfies(ws -> {
      Waveform w = ws.iterator().next();
      assertEquals(5.0, w.sampleRate());
      // P window: a - b - 10 = 291.5056 s after the first sample -> sample 5831 (291.55 s) to 7230,
      // 1400 samples; decimated by 4 -> 350 samples at 5 Hz from 291.55 s. Origin o = -66.3334 s:
      // 360..370 s after it is 2.1162..12.1162 s into that -> 5 Hz samples 11..60, i.e. 50 samples
      // from 291.55 + 2.2 = 293.75 s after the first sample of the file
      assertEquals(50, w.length());
      assertEquals(tly.start().plusMillis(293_750), w.start());
      // b (SAC first-sample offset) follows the cuts, so a later cut relative to o or a stays right
      assertEquals(Double.parseDouble(tly.attributes().get("b")) + 293.75, Double.parseDouble(w.attributes().get("b")), 1e-9);
      assertTrue(w.start().isAfter(p0.minusSeconds(10)) && w.end().isBefore(p0.plusSeconds(60)));
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out));
    p.run().waitUntilFinish();
  }

  @Test
  void errorsNameTheMissingHeaderAndTheBadCorner() {
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    Pipeline p = StageHarness.pipeline();
    PCollection<Waveform> in = StageHarness.create(p, Waveform.class, crlz, tly);
    PCollectionTuple out = StageHarness.apply(new SeismoPreprocess(), StageHarness.bind(PreprocessConfig.class, """
        steps:
          - {op: cut, relative_to: origin, begin: 100, end: 200}
          - {op: lowpass, corners: [15.0]}
        """), in);
    StageHarness.assertContains(StageOutputs.<Waveform>main(out));
    StageHarness.assertContains(StageOutputs.errors(out),
        new ErrorRecord("stage", "NZ.CRLZ.10.HHZ@" + crlz.start(),
            "step 1 (cut [100.0, 200.0] s from origin): missing SAC header 'o' (event origin time)", null),
        new ErrorRecord("stage", "II.TLY.00.BHZ@" + tly.start(),
            "step 2 (lowpass [15.0] Hz): corner 15.0 Hz must be inside (0, 10.0) Hz", null));
    p.run().waitUntilFinish();
  }

  @Test
  void aWindowOutsideTheTraceIsAnError() {
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoPreprocess(), StageHarness.bind(PreprocessConfig.class,
        "steps: [{op: cut, relative_to: p, begin: -400, end: 0}]"), StageHarness.create(p, Waveform.class, tly));
    StageHarness.assertContains(StageOutputs.<Waveform>main(out));
    PAssert.that(StageOutputs.errors(out)).satisfies(es -> {
      String reason = es.iterator().next().reason();
      assertTrue(reason.startsWith("step 1 (cut [-400.0, 0.0] s from p): window -98.494..301.506 s"), reason);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void configErrorsNameTheKey() {
    Problems problems = new Problems();
    StageHarness.bindOrProblems(PreprocessConfig.class, """
        steps:
          - {op: bandpass, corners: [10.0, 1.0]}
          - {op: cut, begin: 5}
          - {op: cosine-bandpass, corners: [0.001, 0.002, 0.0067]}
        """, problems);
    List<String> messages = problems.errors().stream().map(Object::toString).toList();
    assertEquals(3, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("'steps[0].corners' must be increasing"), messages.get(0));
    assertTrue(messages.get(1).contains("'steps[1].end' is required for cut"), messages.get(1));
    assertTrue(messages.get(2).contains("'steps[2].corners' must list f1, f2, f3, f4"), messages.get(2));
  }
}
