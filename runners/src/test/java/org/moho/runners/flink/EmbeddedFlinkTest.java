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
    long rows = Files.readAllLines(flink.resolve("features.csv")).size() - 1;
    var stages = m.getAsJsonArray("stages");
    JsonObject read = stages.get(0).getAsJsonObject(), pre = stages.get(1).getAsJsonObject(), table = stages.get(5).getAsJsonObject();
    assertEquals(3, read.getAsJsonObject("counters").get("files").getAsLong(), "three SAC files read");
    assertEquals(pre.get("in").getAsLong(), pre.get("out").getAsLong() + pre.get("errors").getAsLong(), "pre: in = out + errors");
    assertEquals(rows, table.get("in").getAsLong(), "table.write received every row of the file");
    assertTrue(rows > 10, "windows written: " + rows);
  }
}
