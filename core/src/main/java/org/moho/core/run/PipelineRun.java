package org.moho.core.run;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.moho.core.files.AtomicFiles;
import org.moho.core.graph.PipelineCompiler;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.graph.StageNode;
import org.moho.core.spec.InputRef;

/**
 * Runs a checked graph on the runner its options name and accounts for it: {@code OUT/run.json}
 * says {@code running} while the run is under way and is rewritten last with the final status
 * ({@code succeeded}, or {@code failed} and the cause), the spec's path and SHA-256, the resolved
 * params, versions, runner, per-stage counts and wall time. A summary table goes to the console.
 */
public final class PipelineRun {
  private final PipelineGraph graph;
  private final PipelineOptions options;
  private final String runner;
  private final boolean distributed;

  public PipelineRun(PipelineGraph graph, PipelineOptions options, String runner, boolean distributed) {
    this.graph = graph;
    this.options = options;
    this.runner = runner;
    this.distributed = distributed;
  }

  public RunReport execute(PrintWriter console) throws IOException {
    Path out = graph.outFolder();
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    writeManifest(new RunReport("running", null, 0, List.of()), started);
    RunReport report;
    PipelineResult result = null;
    HeapWatch heap = new HeapWatch();
    try {
      Pipeline pipeline = Pipeline.create(options);
      PipelineCompiler.compile(graph, pipeline, distributed);
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (state != PipelineResult.State.DONE) {
        String cause = "the runner ended the job in state " + state;
        if (!state.isTerminal() && heap.heapFilled()) {
          // The runner swallowed the error of one of its threads; the heap says what it was.
          cause = outOfMemory("the heap was full after garbage collection and " + cause);
        } else if (!state.isTerminal()) {
          cause += " (it stopped without a result; the runner's log above names the error)";
        }
        report = new RunReport("failed", cause, ms, counts(result));
      } else {
        report = new RunReport("succeeded", null, ms, counts(result));
      }
    } catch (RuntimeException | Error e) {
      // An Error (OutOfMemoryError above all) is recorded too: run.json must never be left saying
      // "running" by a run that is over. The runner's objects are unreachable from here, so the
      // heap they filled can be collected before run.json is written.
      long ms = (System.nanoTime() - t0) / 1_000_000;
      List<StageCounts> counts = result == null ? List.of() : safeCounts(result);
      result = null;
      report = new RunReport("failed", rootCause(e), ms, counts);
      writeManifest(report, started);
      printSummary(report, console);
      throw e;
    }
    writeManifest(report, started);
    printSummary(report, console);
    return report;
  }

  /**
   * The innermost message of an exception chain, with the exception type when it helps; an
   * {@link OutOfMemoryError} anywhere in the chain is named as such, with how to give the run more
   * heap (runners wrap it, e.g. in Guava's ExecutionError, whose own message says little).
   */
  public static String rootCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) return outOfMemory(oom);
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    if (m == null || m.isBlank()) return t.getClass().getName();
    boolean plain = t.getClass() == IOException.class || t.getClass() == java.io.UncheckedIOException.class
        || t.getClass() == IllegalArgumentException.class || t.getClass() == IllegalStateException.class;
    return plain ? m : t.getClass().getSimpleName() + ": " + m;
  }

  /** "OutOfMemoryError: Java heap space — rerun with a larger heap: ..." with the heap this JVM had. */
  static String outOfMemory(OutOfMemoryError e) {
    return outOfMemory(e.getMessage() == null ? "out of memory" : e.getMessage());
  }

  private static String outOfMemory(String what) {
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;
    long suggest = Math.max(1024, Long.highestOneBit(Math.max(1, maxMb)) << 2);
    String suggestion = suggest % 1024 == 0 ? (suggest / 1024) + "g" : suggest + "m";
    return "OutOfMemoryError: " + what
        + " \u2014 the run had a maximum heap of " + maxMb + " MB; rerun with a larger heap: MOHO_JAVA_OPTS=-Xmx"
        + suggestion + " ./moho run ... (or JAVA_OPTS / java -Xmx" + suggestion + " where Moho is started otherwise)";
  }

  private List<StageCounts> safeCounts(PipelineResult result) {
    try {
      return counts(result);
    } catch (RuntimeException | Error e) {
      return List.of();
    }
  }

  private List<StageCounts> counts(PipelineResult result) {
    Map<String, Map<String, Long>> byStage = new TreeMap<>();
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : q.getCounters()) {
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      if (v == null) v = c.getAttempted();
      byStage.computeIfAbsent(c.getName().getNamespace(), k -> new TreeMap<>()).merge(c.getName().getName(), v, Long::sum);
    }
    List<StageCounts> list = new ArrayList<>();
    for (StageNode n : graph.stages()) {
      Map<String, Long> m = new TreeMap<>(byStage.getOrDefault(n.id(), Map.of()));
      long outN = m.getOrDefault("out", 0L);
      long errN = m.getOrDefault("errors", 0L);
      Long in = m.remove("in");
      if (in == null && !n.inputs().isEmpty()) {
        long sum = 0;
        for (InputRef r : n.inputs()) {
          Map<String, Long> up = byStage.getOrDefault(r.stage(), Map.of());
          sum += up.getOrDefault(r.errors() ? "errors" : "out", 0L);
        }
        in = sum;
      }
      m.remove("out");
      m.remove("errors");
      list.add(new StageCounts(n.id(), n.use(), in, outN, errN, m));
    }
    return list;
  }

  private void writeManifest(RunReport report, Instant started) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", report.status());
    if (report.cause() != null) m.put("cause", report.cause());
    m.put("pipeline", graph.spec().name());
    m.put("spec", graph.spec().file().toString());
    m.put("spec_sha256", sha256(graph.spec().file()));
    Map<String, Object> params = new LinkedHashMap<>();
    graph.params().forEach((k, v) -> params.put(k, v instanceof Path p ? p.toString() : v));
    m.put("params", params);
    m.put("runner", runner);
    m.put("started", started.toString());
    m.put("wall_seconds", report.wallMillis() / 1000.0);
    m.put("versions", Map.of("moho", Versions.moho(), "beam", Versions.beam(), "java", Versions.java(), "platform", Versions.platform()));
    List<Map<String, Object>> stages = new ArrayList<>();
    for (StageCounts c : report.stages()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", c.stage());
      s.put("use", c.use());
      s.put("in", c.in());
      s.put("out", c.out());
      s.put("errors", c.errors());
      if (!c.other().isEmpty()) s.put("counters", c.other());
      stages.add(s);
    }
    m.put("stages", stages);
    String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(m);
    AtomicFiles.writeString(graph.outFolder().resolve("run.json"), json + "\n");
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }

  public static void printSummary(RunReport r, PrintWriter out) {
    out.println();
    out.printf("%-20s %-22s %10s %10s %10s  %s%n", "stage", "type", "in", "out", "errors", "other");
    for (StageCounts c : r.stages()) {
      StringBuilder other = new StringBuilder();
      c.other().forEach((k, v) -> other.append(k).append('=').append(v).append(' '));
      out.printf("%-20s %-22s %10s %10d %10d  %s%n", c.stage(), c.use(), c.in() == null ? "-" : c.in(), c.out(), c.errors(),
          other.toString().trim());
    }
    out.printf("%s in %.1f s%s%n", r.status(), r.wallMillis() / 1000.0, r.cause() == null ? "" : ": " + r.cause());
    out.flush();
  }
}
