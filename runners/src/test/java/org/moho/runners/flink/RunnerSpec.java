package org.moho.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moho.runners.Moho;

/**
 * The pipeline the runner tests run on every runner, and how two runs of it are compared: the
 * scoring half of the seamount workflow (every patch of the bundled North Pacific grid scored by a
 * bundled trained autoencoder, the error grid's minima as detections).
 */
public final class RunnerSpec {
  private RunnerSpec() {}

  /** The spec every runner test runs, relative to the repository root. */
  public static final String SPEC = "runners/src/test/resources/specs/seamount-scoring.yaml";

  /** The files the spec writes into OUT, compared between runners. */
  public static final List<String> OUTPUTS = List.of("scores.csv");

  /**
   * Numeric cells of two runs' tables may differ by this much, relative to the value (absolute below
   * 1): runners cut the records into different batches, and a record scored in a batch of another
   * size goes through another SGEMM blocking, so float32 results differ in the last bits (an error
   * of 188.755157 on one runner was 188.755173 on another: 8e-8 relative, one float32 ulp is 1.5e-5
   * there, so an absolute 1e-6 could not hold for any float32 value above 8).
   */
  public static final double TOLERANCE = 1e-6;

  public static Path repo() {
    return Path.of(System.getProperty("moho.repo"));
  }

  public static Path spec() {
    return repo().resolve(SPEC);
  }

  /** The test-sized params: a patch every 8 nodes (3,868 patches scored). */
  public static List<String> params() {
    return List.of("-p", "stride=8", "-p", "grid=" + grid());
  }

  /** A patch every 2 nodes (60,787 patches): long enough to kill a worker during it. */
  public static List<String> bigParams() {
    return List.of("-p", "stride=2", "-p", "grid=" + grid());
  }

  /** The bundled grid, named on the command line (a spec's own default may not leave its folder). */
  private static Path grid() {
    return repo().resolve("data/bathymetry/pac_residual_topo.nc");
  }

  public record Result(int code, String out, String err) {}

  /** {@code moho run SPEC --out OUT ARGS...} in this JVM. */
  public static Result run(Path out, List<String> params, String... args) {
    List<String> line = new ArrayList<>(List.of("run", spec().toString(), "--out", out.toString()));
    line.addAll(params);
    line.addAll(List.of(args));
    StringWriter o = new StringWriter(), e = new StringWriter();
    int code = Moho.execute(new PrintWriter(o, true), new PrintWriter(e, true), line.toArray(String[]::new));
    return new Result(code, o.toString(), e.toString());
  }

  public static JsonObject manifest(Path out) throws IOException {
    return JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
  }

  /** Same files with the same records in the same order; numbers equal within {@link #TOLERANCE}, relative. */
  public static void assertSameOutputs(Path expected, Path actual) throws IOException {
    for (String name : OUTPUTS) {
      List<String> a = Files.readAllLines(expected.resolve(name)), b = Files.readAllLines(actual.resolve(name));
      assertEquals(a.size(), b.size(), name + ": line count");
      assertTrue(a.size() > 1, name + " has records");
      assertEquals(a.get(0), b.get(0), name + ": header");
      for (int i = 1; i < a.size(); i++) {
        String[] x = a.get(i).split(",", -1), y = b.get(i).split(",", -1);
        assertEquals(x.length, y.length, name + ":" + (i + 1) + " cells");
        for (int j = 0; j < x.length; j++) {
          Double dx = number(x[j]), dy = number(y[j]);
          if (dx != null && dy != null) assertEquals(dx, dy, TOLERANCE * Math.max(1, Math.abs(dx)), name + ":" + (i + 1) + " column " + (j + 1));
          else assertEquals(x[j], y[j], name + ":" + (i + 1) + " column " + (j + 1));
        }
      }
    }
  }

  /** The same per-stage counts (in, out, errors and every other counter) in both runs' run.json. */
  public static void assertSameCounts(Path expected, Path actual) throws IOException {
    JsonArray a = manifest(expected).getAsJsonArray("stages"), b = manifest(actual).getAsJsonArray("stages");
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      JsonObject x = a.get(i).getAsJsonObject(), y = b.get(i).getAsJsonObject();
      for (String k : List.of("id", "in", "out", "errors", "counters")) {
        JsonElement ex = x.get(k), ey = y.get(k);
        assertEquals(String.valueOf(ex), String.valueOf(ey), x.get("id") + "." + k);
      }
    }
  }

  private static Double number(String s) {
    try {
      return s.isEmpty() ? null : Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
