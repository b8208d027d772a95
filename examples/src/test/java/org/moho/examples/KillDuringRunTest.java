package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code moho run} in its own JVM, killed with SIGKILL (no shutdown hook, no finally) at
 * two points: as soon as it prints "Running", and while table.write is writing a 10x copy of the
 * GP-visc table (its hidden temporary file exists). Afterwards the output folder holds either the
 * previous run's complete files or the new complete ones — never a half-written file under its
 * final name — and run.json says "running" (clearly incomplete) unless the run had finished.
 */
class KillDuringRunTest {
  static final int COPIES = 10;
  static final int TABLE_ROWS = 12_294;

  @TempDir static Path dir;
  static Path spec;
  static Path out;
  static List<String> previous; // the complete output of the earlier, smaller run

  @BeforeAll
  static void aCompleteEarlierRun() throws Exception {
    List<String> lines = Files.readAllLines(MohoRuns.REPO.resolve("data/glass/gpvisc_lp_viscosity_train.csv"));
    Files.write(dir.resolve("small.csv"), lines.subList(0, 101));
    List<String> big = new ArrayList<>(lines);
    for (int c = 1; c < COPIES; c++) big.addAll(lines.subList(1, lines.size()));
    Files.write(dir.resolve("big.csv"), big);
    spec = dir.resolve("copy.yaml");
    Files.writeString(spec, """
        pipeline: {name: copy}
        params:
          table: {type: path, default: small.csv}
        stages:
          - {id: visc, use: table.read, with: {path: "${table}", types: {Name: string, ref: string, Name_publi: string, System: string}}}
          - {id: save, use: table.write, from: visc, with: {path: "${out}/rows.csv"}}
        """);
    out = dir.resolve("out");
    Process p = ForkedMoho.start(dir.resolve("first.log"), "512m", "run", spec.toString(), "--out", out.toString());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("first.log")));
    previous = Files.readAllLines(out.resolve("rows.csv"));
    assertEquals(101, previous.size());
  }

  /** Starts the big run and kills it once {@code when} holds (polled every 2 ms); true if it was killed before finishing. */
  private static boolean killWhen(Path log, Predicate<Path> when) throws Exception {
    Process p = ForkedMoho.start(log, "1g", "run", spec.toString(), "--out", out.toString(), "-p", "table=" + dir.resolve("big.csv"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (p.isAlive() && !when.test(log) && System.nanoTime() < deadline) Thread.onSpinWait();
    boolean killed = p.isAlive();
    p.destroyForcibly(); // SIGKILL on Linux
    p.waitFor(1, TimeUnit.MINUTES);
    return killed;
  }

  private static void assertNothingHalfWritten(boolean killed) throws IOException {
    String status = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject().get("status").getAsString();
    List<String> rows = Files.readAllLines(out.resolve("rows.csv"));
    if (killed) {
      assertEquals("running", status, "a killed run must leave run.json saying it is incomplete");
    }
    boolean old = rows.equals(previous);
    boolean complete = rows.size() == COPIES * TABLE_ROWS + 1 && rows.get(0).equals(previous.get(0));
    assertTrue(old || complete, "rows.csv is neither the previous output nor the complete new one: " + rows.size() + " lines");
    if (!killed) assertEquals("succeeded", status);
  }

  private static boolean tmpFileExists(Path out) {
    try (Stream<Path> s = Files.list(out)) {
      return s.anyMatch(f -> f.getFileName().toString().startsWith(".rows.csv.tmp-"));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void killedRightAfterItStarts() throws Exception {
    Path log = dir.resolve("kill-at-start.log");
    boolean killed = killWhen(log, l -> {
      try {
        return Files.exists(l) && Files.readString(l).contains("Running copy");
      } catch (IOException e) {
        return false;
      }
    });
    assertTrue(killed, "the run finished before it could be killed: " + Files.readString(log));
    assertNothingHalfWritten(true);
    assertEquals(previous, Files.readAllLines(out.resolve("rows.csv")), "killed at the start: the previous output stands");
  }

  @Test
  void killedWhileWritingTheLargeOutput() throws Exception {
    boolean killed = killWhen(dir.resolve("kill-while-writing.log"), l -> tmpFileExists(out));
    assertTrue(killed, "the run finished before its temporary output file was seen");
    assertNothingHalfWritten(true);
    assertFalse(Files.readAllLines(out.resolve("rows.csv")).size() > previous.size()
        && Files.readAllLines(out.resolve("rows.csv")).size() < COPIES * TABLE_ROWS + 1);
  }
}
