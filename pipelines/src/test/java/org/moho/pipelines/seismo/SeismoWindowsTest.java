package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageOutputs;

/** seismo.windows on the real II.TLY BHZ trace (20 Hz, 12,684 samples from 2011-03-11T05:47:30.0334Z). */
class SeismoWindowsTest {
  @Test
  void sixtySecondWindowsEveryThirtySeconds() {
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoWindows(),
        StageHarness.bind(WindowsConfig.class, "{length: 60, step: 30}"), StageHarness.create(p, Waveform.class, tly));
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(vs -> {
      List<FeatureVector> list = new ArrayList<>();
      vs.forEach(list::add);
      list.sort(Comparator.comparing(FeatureVector::key));
      // 1200-sample windows every 600 samples: (12684 - 1200) / 600 + 1 = 20
      assertEquals(20, list.size());
      FeatureVector first = list.get(0);
      assertEquals("II.TLY.00.BHZ@2011-03-11T05:47:30.033400Z", first.key());
      assertEquals("II.TLY.00.BHZ@2011-03-11T05:48:00.033400Z", list.get(1).key());
      assertEquals("II.TLY.00.BHZ@2011-03-11T05:57:00.033400Z", list.get(19).key());
      assertEquals(1200, first.values().length);
      assertEquals((float) tly.samples()[0], first.values()[0]);
      assertEquals((float) tly.samples()[19 * 600 + 1199], list.get(19).values()[1199]);
      assertEquals("2011-03-11T05:48:00.033400Z", list.get(1).metadata().get("start"));
      assertEquals("20.0", first.metadata().get("sample_rate"));
      assertEquals("TLY", first.metadata().get("station"));
      assertEquals("00", first.metadata().get("location"));
      assertEquals("BHZ", first.metadata().get("channel"));
      assertEquals("II", first.metadata().get("network"));
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(0, StageHarness.counter(result, SeismoWindows.SKIPPED_SHORT));
  }

  @Test
  void shortTracesAreCountedAndUnderOneSampleIsAnError() {
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    Waveform shortTrace = tly.withSamples(java.util.Arrays.copyOf(tly.samples(), 1000)); // 50 s < 60 s
    Waveform slow = new Waveform("II", "TLY", "00", "LHZ", tly.start(), 0.001, new double[5000], "test", java.util.Map.of());
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoWindows(),
        StageHarness.bind(WindowsConfig.class, "{length: 60, step: 30}"),
        StageHarness.create(p, Waveform.class, shortTrace, slow));
    StageHarness.assertContains(StageOutputs.<FeatureVector>main(out));
    StageHarness.assertContains(StageOutputs.errors(out), new org.moho.core.data.ErrorRecord("stage",
        "II.TLY.00.LHZ@" + tly.start(), "window length 0 or step 0 is under one sample at 0.001 Hz", null));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(1, StageHarness.counter(result, SeismoWindows.SKIPPED_SHORT));
  }

  /**
   * More windows than the DirectRunner emits before it checkpoints a splittable DoFn (10,000): the
   * stage's windows are still exactly those of the whole trace (as seismo.windows cut them in one
   * pass before it streamed: FixedWindows.window, times from the trace start), each once. Each
   * window is checked where it is made, into counters.
   */
  @Test
  void windowsAcrossCheckpointsAreThoseOfTheWholeTrace() {
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    // As `moho run` runs (PipelineOptionsBuilder): without the DirectRunner's per-element
    // immutability and encodability checks. The other tests here keep the checks on.
    Pipeline p = Pipeline.create(org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--enforceImmutability=false", "--enforceEncodability=false").create());
    PCollectionTuple out = StageHarness.apply(new SeismoWindows(),
        StageHarness.bind(WindowsConfig.class, "{length: 10, step: 3, unit: samples}"), StageHarness.create(p, Waveform.class, crlz));
    org.apache.beam.sdk.values.PCollection<FeatureVector> windows = StageOutputs.main(out);
    windows.apply("Check", org.apache.beam.sdk.transforms.ParDo.of(new WholeTraceCheck(crlz, 10, 3)));
    StageHarness.assertContains(StageOutputs.errors(out));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    // (32768 - 10) / 3 + 1 = 10,920 windows, each once: the window indices' count, sum and sum of
    // squares are those of 0..10,919 (a repeated window would need a missing one that matches
    // both sums). No GroupByKey here: on the DirectRunner it re-copies its growing state per bundle.
    long n = 10920;
    assertEquals(n, StageHarness.counter(result, "same"));
    assertEquals(0, StageHarness.counter(result, "different"));
    assertEquals(n * (n - 1) / 2, StageHarness.counter(result, "index.sum"));
    assertEquals((n - 1) * n * (2 * n - 1) / 6, StageHarness.counter(result, "index.squares"));
  }

  /** Counts windows equal ("same") or not ("different") to window i of the whole trace, i from the key's time. */
  private static final class WholeTraceCheck extends org.apache.beam.sdk.transforms.DoFn<FeatureVector, Void> {
    private final Waveform trace;
    private final int length;
    private final int step;
    private transient java.util.Map<String, Integer> indexOfKey;

    WholeTraceCheck(Waveform trace, int length, int step) {
      this.trace = trace;
      this.length = length;
      this.step = step;
    }

    @Setup
    public void setup() {
      indexOfKey = new java.util.HashMap<>();
      for (int i = 0; i < FixedWindows.count(trace.length(), length, step); i++) {
        indexOfKey.put(trace.id() + "@" + trace.timeOf((long) i * step), i);
      }
    }

    @ProcessElement
    public void process(@Element FeatureVector v) {
      Integer i = indexOfKey.get(v.key());
      boolean same = i != null && v.values().length == length
          && trace.timeOf((long) i * step).toString().equals(v.metadata().get("start"));
      if (same) {
        double[] x = FixedWindows.window(trace.samples(), i, length, step);
        for (int j = 0; j < length; j++) same &= (float) x[j] == v.values()[j];
      }
      org.apache.beam.sdk.metrics.Metrics.counter("stage", same ? "same" : "different").inc();
      if (same) {
        org.apache.beam.sdk.metrics.Metrics.counter("stage", "index.sum").inc(i);
        org.apache.beam.sdk.metrics.Metrics.counter("stage", "index.squares").inc((long) i * i);
      }
    }
  }

  @Test
  void samplesUnitAndDefaultStep() {
    WindowsConfig c = StageHarness.bind(WindowsConfig.class, "{length: 1024, unit: samples}");
    assertEquals(1024, c.lengthSamples(20));
    assertEquals(1024, c.stepSamples(20));
    WindowsConfig s = StageHarness.bind(WindowsConfig.class, "{length: 60, step: 2.5}");
    assertEquals(1200, s.lengthSamples(20));
    assertEquals(50, s.stepSamples(20));
  }
}
