package org.moho.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.run.RunReport;
import org.moho.core.testing.TestSpecs;

/**
 * Chains of per-record stages run as one step, with each stage's outputs, errors and counts as
 * when they run apart; a stage whose output two stages read is not fused.
 */
class FusedStagesTest {
  @TempDir Path tmp;

  private PipelineGraph graph(String yaml, Path out) throws Exception {
    return TestSpecs.graph(tmp, yaml, out);
  }

  /** The names of the pipeline's top-level steps, as the compiler applies them. */
  private static List<String> steps(PipelineGraph g) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PipelineCompiler.compile(g, p, false);
    List<String> names = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (node.getEnclosingNode() != null && node.getEnclosingNode().isRootNode()) names.add(node.getFullName());
        return CompositeBehavior.ENTER_TRANSFORM;
      }
    });
    return names;
  }

  private static RunReport run(PipelineGraph g) throws Exception {
    return TestSpecs.runDirect(g);
  }

  @Test
  void aChainRunsAsOneStepWithEachStagesCountsAndErrors() throws Exception {
    Path out = tmp.resolve("out");
    PipelineGraph g = graph("""
        pipeline: {name: chain}
        stages:
          - {id: numbers, use: test.numbers, with: {count: 16, start: 1}}
          - {id: half, use: test.half, from: numbers}
          - {id: quarter, use: test.half, from: half}
        """, out);
    List<String> steps = steps(g);
    assertTrue(steps.contains("half+quarter"), steps.toString());
    assertFalse(steps.contains("half-count-out"), "a fused stage counts inside its step: " + steps);

    RunReport r = run(g);
    assertTrue(r.succeeded());
    // 1..16: the 8 even values are halved to 1..8, whose 4 even values are halved again
    assertEquals(16L, r.stage("half").in());
    assertEquals(8, r.stage("half").out());
    assertEquals(8, r.stage("half").errors());
    assertEquals(8L, r.stage("quarter").in());
    assertEquals(4, r.stage("quarter").out());
    assertEquals(4, r.stage("quarter").errors());
    List<String> halfErrors = Files.readAllLines(out.resolve("errors/half.jsonl"));
    List<String> quarterErrors = Files.readAllLines(out.resolve("errors/quarter.jsonl"));
    assertEquals(8, halfErrors.size());
    assertEquals(4, quarterErrors.size());
    assertTrue(halfErrors.stream().allMatch(l -> l.contains("\"stage\":\"half\"")), halfErrors.toString());
    // each failure is the stage's own: the quarter stage sees 1, 3, 5, 7 (halves of 2, 6, 10, 14)
    assertTrue(quarterErrors.stream().allMatch(l -> l.contains("\"stage\":\"quarter\"")), quarterErrors.toString());
    for (String odd : List.of("odd value 1.0", "odd value 3.0", "odd value 5.0", "odd value 7.0")) {
      assertTrue(quarterErrors.stream().anyMatch(l -> l.contains(odd)), odd + " in " + quarterErrors);
    }
  }

  @Test
  void theErrorsOfAFusedStageCanBeReadByAnother() throws Exception {
    Path out = tmp.resolve("out2");
    PipelineGraph g = graph("""
        pipeline: {name: chain-errors}
        stages:
          - {id: numbers, use: test.numbers, with: {count: 8, start: 1}}
          - {id: half, use: test.half, from: numbers}
          - {id: quarter, use: test.half, from: half}
          - {id: odd, use: test.reasons, from: half.errors}
        """, out);
    assertTrue(steps(g).contains("half+quarter"));
    RunReport r = run(g);
    assertEquals(4, r.stage("odd").out());
    assertEquals(4L, r.stage("odd").in());
    assertEquals(2, r.stage("quarter").out());
    assertFalse(Files.exists(out.resolve("errors/half.jsonl")), "half's errors are read, so not written");
    assertTrue(Files.exists(out.resolve("errors/quarter.jsonl")));
  }

  @Test
  void anOutputReadByTwoStagesIsNotFused() throws Exception {
    Path out = tmp.resolve("out3");
    PipelineGraph g = graph("""
        pipeline: {name: branch}
        stages:
          - {id: numbers, use: test.numbers, with: {count: 8, start: 1}}
          - {id: half, use: test.half, from: numbers}
          - {id: left, use: test.half, from: half}
          - {id: right, use: test.half, from: half}
        """, out);
    List<String> steps = steps(g);
    assertTrue(steps.contains("half") && steps.contains("left") && steps.contains("right"), steps.toString());
    RunReport r = run(g);
    assertEquals(4, r.stage("half").out());
    assertEquals(2, r.stage("left").out());
    assertEquals(2, r.stage("right").out());
  }
}
