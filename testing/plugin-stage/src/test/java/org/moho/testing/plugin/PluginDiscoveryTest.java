package org.moho.testing.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.runners.Moho;

/** A stage type from a jar Moho has never heard of is listed by `moho stages` and runs in a pipeline. */
class PluginDiscoveryTest {
  @TempDir Path tmp;

  private static String[] moho(int[] code, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    code[0] = Moho.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void mohoStagesListsThePluginStage() {
    int[] code = {0};
    String[] r = moho(code, "stages");
    assertEquals(0, code[0]);
    assertTrue(r[0].contains("plugin.count") && r[0].contains("Counts its rows into one row"), r[0]);
    String[] one = moho(code, "stages", "plugin.count");
    assertEquals(0, code[0]);
    assertTrue(one[0].contains("Contributed by a plugin jar") && one[0].contains("column"), one[0]);
  }

  @Test
  void aPipelineUsingThePluginStageRuns() throws Exception {
    Path repo = Path.of(System.getProperty("moho.repo"));
    Path spec = tmp.resolve("count.yaml");
    Files.writeString(spec, """
        pipeline: {name: count}
        params:
          table: {type: path}
        stages:
          - {id: visc, use: table.read, with: {path: "${table}"}}
          - {id: count, use: plugin.count, from: visc, with: {column: measurements}}
          - {id: save, use: table.write, from: count, with: {path: "${out}/count.csv"}}
        """);
    int[] code = {0};
    String[] r = moho(code, "run", spec.toString(), "-p", "table=" + repo.resolve("data/glass/gpvisc_lp_viscosity_train.csv"),
        "--out", tmp.resolve("out").toString());
    assertEquals(0, code[0], r[1] + r[0]);
    assertEquals(List.of("measurements", "12294"), Files.readAllLines(tmp.resolve("out/count.csv")));
  }
}
