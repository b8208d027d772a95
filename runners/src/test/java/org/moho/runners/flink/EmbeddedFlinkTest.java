package org.moho.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner spec on an embedded Flink mini-cluster at parallelism 2 against the DirectRunner. */
class EmbeddedFlinkTest {
  @TempDir Path tmp;

  @Test
  void embeddedFlinkWritesWhatTheDirectRunnerWritesAndCountsTheSame() throws Exception {
    Path direct = tmp.resolve("direct"), flink = tmp.resolve("flink");
    RunnerSpec.Result d = RunnerSpec.run(direct, RunnerSpec.params(), "--runner", "direct");
    assertEquals(0, d.code(), d.out() + d.err());
    RunnerSpec.Result f = RunnerSpec.run(flink, RunnerSpec.params(), "--runner", "flink", "--parallelism", "2");
    assertEquals(0, f.code(), f.out() + f.err());
    assertTrue(f.out().contains("runner flink (embedded [local]): training stages run on one worker; other stages at parallelism 2"), f.out());

    RunnerSpec.assertSameOutputs(direct, flink);
    RunnerSpec.assertSameCounts(direct, flink);

    // The counts are the real ones, not two equal zeros: the Flink run's metrics came back.
    JsonObject m = RunnerSpec.manifest(flink);
    assertEquals("succeeded", m.get("status").getAsString());
    assertEquals("flink", m.get("runner").getAsString());
    long rows = Files.readAllLines(flink.resolve("scores.csv")).size() - 1;
    var stages = m.getAsJsonArray("stages");
    JsonObject patches = stages.get(1).getAsJsonObject(), scores = stages.get(2).getAsJsonObject(),
        table = stages.get(3).getAsJsonObject(), candidates = stages.get(5).getAsJsonObject();
    assertEquals(20, stages.get(0).getAsJsonObject().getAsJsonObject("counters").get("tiles").getAsLong(), "the grid read as 20 tiles");
    // 3,868 patch centres hold no NaN at stride 8 on this grid (407 touch its NaN nodes).
    assertEquals(3868, patches.get("out").getAsLong(), "patches");
    assertEquals(407, patches.getAsJsonObject("counters").get("skipped.nan").getAsLong(), "patches skipped for NaN");
    assertEquals(scores.get("in").getAsLong(), scores.get("out").getAsLong() + scores.get("errors").getAsLong(), "scores: in = out + errors");
    assertEquals(3868, scores.get("out").getAsLong(), "every patch scored");
    assertEquals(rows, table.get("in").getAsLong(), "table.write received every row of the file");
    assertEquals(3868, rows, "one score per patch in the table");
    assertTrue(candidates.get("out").getAsLong() > 10, "detections: " + candidates);
    assertTrue(Files.size(flink.resolve("detections.geojson")) > 1000, "detections written");
  }
}
