package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounds of a real `moho run`, each in its own JVM with a small heap (ForkedMoho):
 * seismo.windows streams the windows of long traces (a splittable DoFn: the DirectRunner
 * checkpoints it every 10,000 windows) instead of holding a trace's windows in one bundle; and a
 * run that does exhaust the heap ends with run.json "failed", the cause naming the
 * OutOfMemoryError and how to rerun, and the same message on the console.
 */
class MemoryBoundTest {
  /** Windows of one copy of CH.BALST..LHE.D.2025.314 (86,343 samples at 1 Hz) of 10 samples, step 1. */
  private static final long WINDOWS_PER_TRACE = 86_343 - 10 + 1;

  @TempDir Path dir;

  private static JsonObject stage(JsonObject run, String id) {
    for (var s : run.getAsJsonArray("stages")) {
      if (s.getAsJsonObject().get("id").getAsString().equals(id)) return s.getAsJsonObject();
    }
    throw new AssertionError("no stage " + id + " in " + run);
  }

  private Path traces(int copies) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("traces"));
    for (int i = 0; i < copies; i++) {
      Files.copy(MohoRuns.REPO.resolve("data/seismograms/CH.BALST..LHE.D.2025.314"), folder.resolve("balst-" + i + ".mseed"));
    }
    return folder;
  }

  /**
   * 4 copies of the day trace, 345,336 windows of 10 samples (about 400 bytes each as feature
   * vectors, 138 MB if they were all held), in a 96 MB heap. Before seismo.windows streamed, the
   * DirectRunner held each trace's 86,334 windows in one bundle and ran out of memory (RELIABILITY.md).
   */
  @Test
  void windowsOfLongTracesStreamInASmallHeap() throws Exception {
    traces(4);
    Path spec = dir.resolve("windows.yaml");
    Files.writeString(spec, """
        pipeline: {name: many-windows}
        stages:
          - {id: read, use: seismo.read, with: {path: "traces/*.mseed", gaps: split}}
          - {id: windows, use: seismo.windows, from: read, with: {length: 10, step: 1, unit: samples}}
        """);
    Path out = dir.resolve("out");
    Path log = dir.resolve("run.log");
    Process p = ForkedMoho.start(log, "96m", "run", spec.toString(), "--out", out.toString());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not end in 5 minutes");
    assertEquals(0, p.exitValue(), Files.readString(log));
    JsonObject run = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
    assertEquals("succeeded", run.get("status").getAsString());
    assertEquals(4 * 308, stage(run, "read").get("in").getAsLong());
    assertEquals(4, stage(run, "read").get("out").getAsLong());
    assertEquals(0, stage(run, "read").get("errors").getAsLong());
    assertEquals(4, stage(run, "windows").get("in").getAsLong());
    assertEquals(4 * WINDOWS_PER_TRACE, stage(run, "windows").get("out").getAsLong());
    assertEquals(0, stage(run, "windows").get("errors").getAsLong());
  }

  /**
   * A stage that needs far more than the heap (resampling the 1 Hz day trace to 2 kHz allocates
   * 172 million samples, 1.4 GB, in a 128 MB heap): exit code 1, run.json "failed" with the cause
   * naming the OutOfMemoryError and the rerun advice, and the console says the same.
   */
  @Test
  void anOutOfMemoryErrorFailsTheRunAndIsNamed() throws Exception {
    traces(1);
    Path spec = dir.resolve("resample.yaml");
    Files.writeString(spec, """
        pipeline: {name: too-big}
        stages:
          - {id: read, use: seismo.read, with: {path: "traces/*.mseed"}}
          - {id: up, use: seismo.preprocess, from: read, with: {steps: [{op: resample, rate: 2000}]}}
        """);
    Path out = dir.resolve("out");
    Path log = dir.resolve("run.log");
    Process p = ForkedMoho.start(log, "128m", "run", spec.toString(), "--out", out.toString());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not end in 5 minutes");
    String console = Files.readString(log);
    assertEquals(1, p.exitValue(), console);
    JsonObject run = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
    assertEquals("failed", run.get("status").getAsString());
    String cause = run.get("cause").getAsString();
    assertTrue(cause.startsWith("OutOfMemoryError: Java heap space"), cause);
    assertTrue(cause.contains("rerun with a larger heap: MOHO_JAVA_OPTS=-Xmx"), cause);
    assertTrue(console.contains("error: the run failed: " + cause), console);
  }
}
