package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Waveform;
import org.moho.core.spec.Problems;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageRegistry;

/** The stage on the DirectRunner: wiring, counters, error output, and every bundled file accounted for. */
class SeismoReadTest {
  private static final Path DATA = Path.of(System.getProperty("moho.repo")).resolve("data/seismograms");

  record Run(PipelineResult result, Map<String, Long> counters) {}

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private static PCollectionTuple apply(Pipeline p, SeismoReadConfig config) {
    return Pipeline.applyTransform("read", StageInputs.none(p),
        new SeismoRead().create(config, new StageContext("read", DATA, DATA, false)));
  }

  private static Run run(Pipeline p) {
    PipelineResult r = p.run();
    r.waitUntilFinish();
    Map<String, Long> counters = new HashMap<>();
    for (MetricResult<Long> c : r.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace("read")).build()).getCounters()) {
      counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return new Run(r, counters);
  }

  /** PAssert's own empty() needs Hamcrest, which this build does not carry. */
  private static <T> void assertEmpty(PCollection<T> pc) {
    PAssert.that(pc).satisfies(it -> {
      assertEquals(List.of(), StreamSupport.stream(it.spliterator(), false).toList());
      return null;
    });
  }

  private static String fileOf(String errorKey) {
    return Path.of(errorKey.substring(0, errorKey.lastIndexOf(':'))).getFileName().toString();
  }

  @Test
  void wholeFolderEveryFileAccountedFor() {
    Pipeline p = pipeline();
    PCollectionTuple out = apply(p, new SeismoReadConfig(DATA, SeismoFormat.AUTO, GapPolicy.SPLIT));
    PCollection<Waveform> traces = StageOutputs.main(out);
    PCollection<ErrorRecord> errors = StageOutputs.errors(out);
    // summaries, not the Waveforms themselves: PAssert would gather every sample array on one key
    PCollection<String> summaries = traces.apply("Summaries", MapElements.into(TypeDescriptors.strings())
        .via(w -> Path.of(w.source()).getFileName() + " " + w.id() + " " + w.length()));
    PAssert.that(summaries).satisfies(ws -> {
      List<String> list = new ArrayList<>();
      ws.forEach(list::add);
      assertEquals(48, list.size(), "traces over the folder (libmseed's 35 miniSEED traces, 3 SAC, 5 SLIST, 3 table columns)");
      Map<String, Long> perFile = list.stream().collect(Collectors.groupingBy(x -> x.split(" ")[0], Collectors.counting()));
      assertEquals(18, perFile.size(), "every one of the 18 files gives at least one trace: " + perFile.keySet());
      assertEquals(22L, perFile.get("ffbx_unrotated_gaps.mseed"));
      assertEquals(4L, perFile.get("gaps.mseed"));
      assertEquals(4L, perFile.get("various_noise_records.mseed"));
      assertEquals(2L, perFile.get("three_records_zero_data_in_middle.mseed"));
      assertTrue(list.contains("CH.BALST..LHE.D.2025.314 CH.BALST..LHE 86343"), list.toString());
      assertTrue(list.contains("CRLZ.HHZ.10.NZ.SAC NZ.CRLZ.10.HHZ 32768"), list.toString());
      assertTrue(list.contains("waveform_AV.DOL.txt AV.DOL..Z 3751"), list.toString());
      return null;
    });
    PAssert.that(errors).satisfies(es -> {
      Set<String> got = new TreeSet<>();
      for (ErrorRecord e : es) {
        assertEquals("read", e.stage());
        got.add(fileOf(e.key()) + ":" + e.key().substring(e.key().lastIndexOf(':') + 1) + " " + e.reason());
      }
      assertEquals(new TreeSet<>(List.of(
          "brokenlastrecord.mseed:4096 truncated or corrupt: the last 2206 bytes of the file hold no miniSEED record header",
          "three_records_zero_data_in_middle.mseed:512 record holds 0 samples",
          "various_noise_records.mseed:0 256 bytes that are not a miniSEED data record (no valid record header)",
          "various_noise_records.mseed:768 128 bytes that are not a miniSEED data record (no valid record header)",
          "various_noise_records.mseed:1408 1024 bytes that are not a miniSEED data record (no valid record header)",
          "various_noise_records.mseed:2944 1024 bytes that are not a miniSEED data record (no valid record header)")), got);
      return null;
    });
    Run r = run(p);
    Map<String, Long> c = r.counters();
    // miniSEED records 3+10+308+47+2+27+128+3+101+8 (noise spans count as units), 3 SAC, 5 SLIST, 3 columns
    assertEquals(645L, c.get("in"));
    assertEquals(639L, c.get("records.used"));
    assertEquals(c.get("in"), c.get("records.used") + 6, "in = records.used + errors");
    assertEquals(8L, c.get("gaps"), "ffbx 4, gaps.mseed 3, three_records 1");
    assertEquals(0L, c.getOrDefault("overlaps", 0L));
    assertEquals(18L, c.get("files"));
  }

  @Test
  void globWithFillZero() {
    Pipeline p = pipeline();
    PCollectionTuple out = apply(p, new SeismoReadConfig(DATA.resolve("gap*.mseed"), SeismoFormat.AUTO, GapPolicy.FILL_ZERO));
    PCollection<String> summaries = StageOutputs.<Waveform>main(out).apply("Summaries",
        MapElements.into(TypeDescriptors.strings()).via(w -> w.id() + " " + w.start() + " " + w.length()));
    PAssert.that(summaries).satisfies(ws -> {
      assertEquals(List.of("BW.BGLD..EHE 2007-12-31T23:59:59.915Z 54376"), StreamSupport.stream(ws.spliterator(), false).toList());
      return null;
    });
    assertEmpty(StageOutputs.errors(out));
    Run r = run(p);
    assertEquals(128L, r.counters().get("in"));
    assertEquals(128L, r.counters().get("records.used"));
    assertEquals(3L, r.counters().get("gaps"));
  }

  @Test
  void rejectPolicyErrorsEveryRecordOfTheChannel() {
    Pipeline p = pipeline();
    PCollectionTuple out = apply(p, new SeismoReadConfig(DATA.resolve("gaps.mseed"), SeismoFormat.MSEED, GapPolicy.REJECT));
    assertEmpty(StageOutputs.<Waveform>main(out));
    PAssert.that(StageOutputs.errors(out)).satisfies(es -> {
      List<ErrorRecord> list = new ArrayList<>();
      es.forEach(list::add);
      assertEquals(128, list.size());
      assertTrue(list.get(0).reason().endsWith("(gaps: reject)"), list.get(0).reason());
      return null;
    });
    Run r = run(p);
    assertEquals(128L, r.counters().get("in"));
    assertEquals(0L, r.counters().get("records.used"));
  }

  @Test
  void pathMatchingNothingIsOneError() {
    Pipeline p = pipeline();
    PCollectionTuple out = apply(p, new SeismoReadConfig(DATA.resolve("no-such-*.mseed"), SeismoFormat.AUTO, GapPolicy.SPLIT));
    assertEmpty(StageOutputs.<Waveform>main(out));
    ErrorRecord expected = ErrorRecord.of("read", DATA.resolve("no-such-*.mseed").toString(), "path matches no file");
    PAssert.that(StageOutputs.errors(out)).satisfies(es -> {
      assertEquals(List.of(expected), StreamSupport.stream(es.spliterator(), false).toList());
      return null;
    });
    Run r = run(p);
    assertEquals(1L, r.counters().get("in"));
  }

  @Test
  void registeredAndBoundFromYaml() {
    StageRegistry registry = StageRegistry.discover();
    assertTrue(registry.find("seismo.read").orElseThrow() instanceof SeismoRead);
    Problems problems = new Problems();
    YNode node = new YamlReader().read(Path.of("spec.yaml"),
        "{path: seismograms/gaps.mseed, gaps: fill-zero}".getBytes(StandardCharsets.UTF_8), problems);
    SeismoReadConfig config = new ConfigBinder(Path.of("/data"), "stage read", problems)
        .bind(SeismoReadConfig.class, (YNode.Mapping) node);
    assertEquals(List.of(), problems.all());
    assertNotNull(config);
    assertEquals(Path.of("/data/seismograms/gaps.mseed"), config.path());
    assertEquals(SeismoFormat.AUTO, config.format());
    assertEquals(GapPolicy.FILL_ZERO, config.gaps());
  }
}
