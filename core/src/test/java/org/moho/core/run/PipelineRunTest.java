package org.moho.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.testing.TestSpecs;

/** A spec compiled to Beam and run on the DirectRunner: counts, errors files and run.json. */
class PipelineRunTest {
  @TempDir Path tmp;

  private RunReport run(String yaml, Path out) throws Exception {
    return TestSpecs.runDirect(TestSpecs.graph(tmp, yaml, out));
  }

  @Test
  void everyRecordEndsInAnOutputOrAnErrorAndTheCountsSaySo() throws Exception {
    Path out = tmp.resolve("out");
    RunReport r = run("""
        pipeline: {name: counting}
        stages:
          - {id: numbers, use: test.numbers, with: {count: 9, start: 1}}
          - {id: half, use: test.half, from: numbers}
        """, out);
    assertTrue(r.succeeded());
    StageCounts numbers = r.stage("numbers");
    assertEquals(9, numbers.out());
    StageCounts half = r.stage("half");
    assertEquals(9L, half.in());
    assertEquals(4, half.out()); // 2, 4, 6, 8
    assertEquals(5, half.errors()); // 1, 3, 5, 7, 9
    assertEquals(half.in(), half.out() + half.errors());

    // The errors of 'half' are read by no stage, so they are written, one JSON object per line.
    List<String> lines = Files.readAllLines(out.resolve("errors/half.jsonl"));
    assertEquals(5, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains("\"stage\":\"half\"") && l.contains("odd value")));
    assertFalse(Files.exists(out.resolve("errors/numbers.jsonl")), "no file for a stage without errors");

    JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
    assertEquals("succeeded", manifest.get("status").getAsString());
    assertEquals(64, manifest.get("spec_sha256").getAsString().length());
    JsonObject halfJson = manifest.getAsJsonArray("stages").get(1).getAsJsonObject();
    assertEquals("half", halfJson.get("id").getAsString());
    assertEquals(9, halfJson.get("in").getAsLong());
    assertEquals(4, halfJson.get("out").getAsLong());
    assertEquals(5, halfJson.get("errors").getAsLong());
    assertEquals(Versions.beam(), manifest.getAsJsonObject("versions").get("beam").getAsString());
  }

  @Test
  void errorsReadByAStageAreNotWrittenAndFlowOn() throws Exception {
    Path out = tmp.resolve("out2");
    RunReport r = run("""
        pipeline: {name: reasons}
        stages:
          - {id: numbers, use: test.numbers, with: {count: 4}}
          - {id: half, use: test.half, from: numbers}
          - {id: odd, use: test.reasons, from: half.errors}
          - {id: all, use: test.merge, from: [half, odd]}
        """, out);
    assertEquals(2, r.stage("odd").out());
    assertEquals(2L, r.stage("odd").in());
    assertEquals(4, r.stage("all").out());
    assertFalse(Files.exists(out.resolve("errors/half.jsonl")));
  }
}
