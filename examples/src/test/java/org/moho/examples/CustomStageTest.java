package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example custom stage is found on the classpath, documented, and runs. */
class CustomStageTest {
  @TempDir Path out;

  @Test
  void theCustomStageIsListedAndDescribed() {
    MohoRuns.Result r = MohoRuns.moho("stages", "example.celsius");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("column") && r.out().contains("into"), r.out());
  }

  @Test
  void thePipelineUsingItConvertsEveryRow() throws Exception {
    MohoRuns.Result r = MohoRuns.moho("run", MohoRuns.REPO.resolve("examples/pipelines/custom-stage.yaml").toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    List<String> lines = Files.readAllLines(out.resolve("melts_celsius.csv"));
    assertEquals("Name,T,T_C,viscosity,Tg", lines.get(0));
    assertEquals(99 + 1, lines.size()); // the i-Melt file holds 99 measurements
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertEquals(Double.parseDouble(f[1]) - 273.15, Double.parseDouble(f[2]), 1e-9, line);
    }
    assertTrue(lines.contains("SiO2,2755.0,2481.85,2.53,1453.0"), String.join("\n", lines.subList(0, 5)));
  }
}
