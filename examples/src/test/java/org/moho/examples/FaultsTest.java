package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injected faults end clearly: a run-level fault (an output that cannot be written, a disk that
 * fills) fails the run with exit code 1, a message naming the cause, and run.json status "failed"
 * with that cause; a record-level fault (an input that is missing or unreadable, a NaN where a
 * number must be) becomes error records and the run goes on. Tests run as root, so chmod 000 would
 * not deny anything: unreadable inputs are simulated by a folder where a file is expected and by
 * a dangling symbolic link.
 */
class FaultsTest {
  @TempDir Path dir;

  private Path spec(String input, String output) throws IOException {
    List<String> lines = Files.readAllLines(MohoRuns.REPO.resolve("data/glass/gpvisc_lp_viscosity_train.csv")).subList(0, 201);
    Files.write(dir.resolve("visc.csv"), lines);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, """
        pipeline: {name: faults}
        stages:
          - {id: visc, use: table.read, with: {path: "%s", types: {Name: string, ref: string, Name_publi: string, System: string}}}
          - {id: hot, use: table.select, from: visc, with: {where: "T > 1000"}}
          - {id: save, use: table.write, from: hot, with: {path: "%s"}}
        """.formatted(input, output));
    return spec;
  }

  private static JsonObject runJson(Path out) throws IOException {
    return JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
  }

  @Test
  void anOutputThatCannotBeWrittenFailsTheRunWithItsCause() throws IOException {
    Path out = dir.resolve("o");
    Files.createDirectories(out);
    Files.writeString(out.resolve("tables"), "a file where the output folder should be\n");
    MohoRuns.Result r = MohoRuns.moho("run", spec("visc.csv", "${out}/tables/hot.csv").toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    JsonObject run = runJson(out);
    assertEquals("failed", run.get("status").getAsString());
    String cause = run.get("cause").getAsString();
    assertTrue(cause.contains("tables"), cause);
    assertTrue(r.err().contains("error: the run failed: ") && r.err().contains("tables"), r.err());
  }

  /** A real ENOSPC: the output folder is a 256 KiB tmpfs (needs root and mount rights, as in CI's container). */
  @Test
  void aDiskThatFillsFailsTheRunAndLeavesNoPartialFile() throws Exception {
    Path out = Files.createDirectories(dir.resolve("small"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", out.toString())
        .redirectErrorStream(true).start();
    Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here: " + new String(mount.getInputStream().readAllBytes()));
    try {
      // the whole GP-visc table (1.9 MB as CSV) into 256 KiB
      MohoRuns.Result r = MohoRuns.moho("run", spec(MohoRuns.REPO.resolve("data/glass/gpvisc_lp_viscosity_train.csv").toString(),
          "${out}/hot.csv").toString(), "--out", out.toString(), "--allow-outside");
      assertEquals(1, r.code(), r.out() + r.err());
      JsonObject run = runJson(out);
      assertEquals("failed", run.get("status").getAsString());
      assertTrue(run.get("cause").getAsString().contains("No space left on device"), run.get("cause").getAsString());
      try (var files = Files.list(out)) {
        assertEquals(List.of("run.json"), files.map(f -> f.getFileName().toString()).toList(), "no partial or temporary file is left");
      }
    } finally {
      new ProcessBuilder("umount", out.toString()).start().waitFor();
    }
  }

  @Test
  void aFolderWhereTheInputFileShouldBeIsAnErrorRecord() throws IOException {
    Files.createDirectories(dir.resolve("folder.csv"));
    Path out = dir.resolve("o");
    MohoRuns.Result r = MohoRuns.moho("run", spec("folder.csv", "${out}/hot.csv").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    List<String> errors = Files.readAllLines(out.resolve("errors/visc.jsonl"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("folder.csv"), errors.get(0));
    assertEquals(1, runJson(out).getAsJsonArray("stages").get(0).getAsJsonObject().get("errors").getAsLong());
  }

  @Test
  void aDanglingLinkAsInputIsAnErrorRecord() throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.csv"), dir.resolve("deleted.csv"));
    Path out = dir.resolve("o");
    MohoRuns.Result r = MohoRuns.moho("run", spec("gone.csv", "${out}/hot.csv").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    List<String> errors = Files.readAllLines(out.resolve("errors/visc.jsonl"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("gone.csv"), errors.get(0));
  }

  @Test
  void aNaNInATableReadsAsMissingAndTheRowIsCountedNotLost() throws IOException {
    // row 11 of the real table gets NaN as its temperature: NaN is in table.read's missing list, and a
    // comparison with a missing value is false, so table.select counts the row as filtered
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(MohoRuns.REPO.resolve("data/glass/gpvisc_lp_viscosity_train.csv")).subList(0, 41));
    String[] f = lines.get(10).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    f[15] = "NaN";
    lines.set(10, String.join(",", f));
    Path spec = spec("nan.csv", "${out}/hot.csv");
    Files.write(dir.resolve("nan.csv"), lines);
    Path out = dir.resolve("o");
    MohoRuns.Result r = MohoRuns.moho("run", spec.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonObject hot = runJson(out).getAsJsonArray("stages").get(1).getAsJsonObject();
    long filtered = hot.getAsJsonObject("counters").get("filtered").getAsLong();
    assertEquals(40, hot.get("in").getAsLong());
    assertEquals(hot.get("in").getAsLong(), hot.get("out").getAsLong() + hot.get("errors").getAsLong() + filtered);
    assertTrue(filtered >= 1);
    assertTrue(Files.readAllLines(out.resolve("hot.csv")).stream().noneMatch(l -> l.contains("NaN")));
  }

  @Test
  void aNaNInASeismogramIsAnErrorRecord() throws IOException {
    byte[] b = Files.readAllBytes(MohoRuns.REPO.resolve("data/seismograms/II.TLY.BHZ.SAC"));
    java.nio.ByteBuffer.wrap(b).putFloat(632 + 4 * 100, Float.NaN);
    Files.write(dir.resolve("nan.SAC"), b);
    Files.copy(MohoRuns.REPO.resolve("data/seismograms/CRLZ.HHZ.10.NZ.SAC"), dir.resolve("good.SAC"));
    Path spec = dir.resolve("seismo.yaml");
    Files.writeString(spec, """
        pipeline: {name: nan}
        stages:
          - {id: read, use: seismo.read, with: {path: "*.SAC"}}
        """);
    Path out = dir.resolve("o");
    MohoRuns.Result r = MohoRuns.moho("run", spec.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonObject read = runJson(out).getAsJsonArray("stages").get(0).getAsJsonObject();
    assertEquals(2, read.get("in").getAsLong());
    assertEquals(1, read.get("out").getAsLong());
    assertEquals(1, read.get("errors").getAsLong());
    List<String> errors = Files.readAllLines(out.resolve("errors/read.jsonl"));
    assertTrue(errors.get(0).contains("nan.SAC:0") && errors.get(0).contains("NaN or infinite"), errors.get(0));
  }
}
