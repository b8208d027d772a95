package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageOutputs;
import org.moho.io.seismo.GapPolicy;
import org.moho.io.seismo.SeismoRead;
import org.moho.io.seismo.SeismoReadConfig;
import org.moho.pipelines.seismo.SeismoWindows;
import org.moho.pipelines.seismo.WindowsConfig;

/**
 * The known-bad bundled miniSEED files through seismo.read → seismo.windows (512 samples) →
 * seismo.metrics → qc.rules on the DirectRunner: what the rules flag.
 */
class KnownBadFilesTest {
  private record Run(PCollection<Row> rows, PCollection<ErrorRecord> readErrors) {}

  private static Run chain(Pipeline p, String file, String gaps) {
    PCollectionTuple read = QcHarness.source(p, "read", new SeismoRead(), QcHarness.bind(SeismoReadConfig.class,
        "{path: '" + RealWindows.seismogram(file) + "', gaps: " + gaps + "}"));
    PCollectionTuple windows = QcHarness.apply("windows", new SeismoWindows(),
        QcHarness.bind(WindowsConfig.class, "{length: 512, unit: samples}"), StageOutputs.<Waveform>main(read));
    PCollectionTuple metrics = QcHarness.apply("metrics", new SeismoMetrics(), QcAucTest.METRICS,
        StageOutputs.<FeatureVector>main(windows));
    PCollectionTuple rules = QcHarness.apply("rules", new QcRules(), QcAucTest.RULES, StageOutputs.<FeatureVector>main(metrics));
    QcHarness.assertTexts(StageOutputs.errors(metrics), List.of());
    QcHarness.assertTexts(StageOutputs.errors(rules), List.of());
    return new Run(StageOutputs.main(rules), StageOutputs.errors(read));
  }

  /** Zero-filled samples per 512-sample window, from the gaps between the traces read with split. */
  private static Map<Integer, Integer> zerosPerWindow(String file) {
    List<Waveform> traces = new ArrayList<>(org.moho.io.seismo.BundledSeismograms.read(RealWindows.seismogram(file), GapPolicy.SPLIT));
    traces.sort(java.util.Comparator.comparing(Waveform::start));
    Instant t0 = traces.get(0).start();
    double rate = traces.get(0).sampleRate();
    Map<Integer, Integer> zeros = new TreeMap<>();
    for (int k = 0; k + 1 < traces.size(); k++) {
      long end = Math.round((traces.get(k).start().toEpochMilli() - t0.toEpochMilli()) * rate / 1000) + traces.get(k).length();
      long next = Math.round((traces.get(k + 1).start().toEpochMilli() - t0.toEpochMilli()) * rate / 1000);
      for (long i = end; i < next; i++) zeros.merge((int) (i / 512), 1, Integer::sum);
    }
    return zeros;
  }

  @Test
  void zeroFilledGapsOfGapsMseedAreFlagged() {
    Map<Integer, Integer> zeros = zerosPerWindow("gaps.mseed");
    // three gaps of 412, 412 and 824 samples at 200 Hz (2.06, 2.06 and 4.12 s)
    assertEquals(Map.of(0, 100, 1, 312, 3, 400, 4, 12, 5, 188, 6, 512, 7, 124), zeros);
    Pipeline p = QcHarness.pipeline();
    Run run = chain(p, "gaps.mseed", "fill-zero");
    PAssert.that(run.rows()).satisfies(rows -> {
      Map<String, Row> byKey = new TreeMap<>();
      rows.forEach(r -> byKey.put(r.key(), r));
      assertEquals(106, byKey.size()); // 54,376 samples in one zero-filled trace
      List<Row> ordered = new ArrayList<>(byKey.values());
      for (int w = 0; w < ordered.size(); w++) {
        Row r = ordered.get(w);
        int z = zeros.getOrDefault(w, 0);
        assertEquals(z / 512.0, r.number("zero_fraction"), 1e-7, r.key());
        assertEquals(z > 0, (Boolean) r.get("flag_gap"), r.key());
        assertEquals(z > 0, r.number("score") >= 1, r.key() + " " + r.get("flags"));
      }
      // the all-zero window is dead as well as a gap; the others also show the gap's edges as steps
      assertEquals("gap,dead", ordered.get(6).get("flags"));
      assertEquals("gap,spikes,clipping,timing", ordered.get(0).get("flags"));
      return null;
    });
    QcHarness.assertTexts(run.readErrors(), List.of());
    p.run().waitUntilFinish();
  }

  @Test
  void splitGapsLeaveCleanWindows() {
    Pipeline p = QcHarness.pipeline();
    Run run = chain(p, "gaps.mseed", "split");
    PAssert.that(run.rows()).satisfies(rows -> {
      int n = 0;
      for (Row r : rows) {
        n++;
        assertEquals("", r.get("flags"), r.key());
      }
      // traces of 412 (too short), 824, 824 and 50,668 samples: 0 + 1 + 1 + 98 windows
      assertEquals(100, n);
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(1, QcHarness.counter(result, "windows", SeismoWindows.SKIPPED_SHORT));
  }

  @Test
  void recordWithZeroSamplesInTheMiddle() {
    Pipeline p = QcHarness.pipeline();
    Run run = chain(p, "three_records_zero_data_in_middle.mseed", "fill-zero");
    PAssert.that(run.rows()).satisfies(rows -> {
      Map<String, Row> byKey = new TreeMap<>();
      rows.forEach(r -> byKey.put(r.key(), r));
      assertEquals(List.of("BW.BGLD..EHE@2007-12-31T23:59:59.765Z", "BW.BGLD..EHE@2008-01-01T00:00:02.325Z"), List.copyOf(byKey.keySet()));
      List<Row> r = List.copyOf(byKey.values());
      // the empty middle record leaves 412 samples (2.06 s) to fill: 100 in window 0, 312 in window 1
      assertEquals(100 / 512.0, r.get(0).number("zero_fraction"), 1e-7);
      assertEquals(312 / 512.0, r.get(1).number("zero_fraction"), 1e-7);
      assertTrue((Boolean) r.get(0).get("flag_gap") && (Boolean) r.get(1).get("flag_gap"));
      return null;
    });
    QcHarness.assertTexts(run.readErrors(), List.of(new ErrorRecord("read",
        RealWindows.seismogram("three_records_zero_data_in_middle.mseed") + ":512", "record holds 0 samples", null).toString()));
    p.run().waitUntilFinish();
  }

  @Test
  void brokenLastRecordIsAReadErrorAndTheRestIsClean() {
    Pipeline p = QcHarness.pipeline();
    Run run = chain(p, "brokenlastrecord.mseed", "split");
    PAssert.that(run.rows()).satisfies(rows -> {
      int n = 0;
      for (Row r : rows) {
        n++;
        assertEquals("", r.get("flags"), r.key());
        assertTrue(r.number("score") < 1, r.key());
      }
      assertEquals(11, n); // NL.HGN.00.BHZ, 5,980 samples at 40 Hz
      return null;
    });
    QcHarness.assertTexts(run.readErrors(), List.of(new ErrorRecord("read", RealWindows.seismogram("brokenlastrecord.mseed") + ":4096",
        "truncated or corrupt: the last 2206 bytes of the file hold no miniSEED record header", null).toString()));
    p.run().waitUntilFinish();
  }
}
