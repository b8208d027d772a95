package org.moho.pipelines.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moho.core.spec.Problems;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageRegistry;
import org.moho.core.stage.StageType;
import org.moho.pipelines.detect.StageHarness;

/** The detection and evaluation stages are found through ServiceLoader, and their examples bind. */
class DetectEvaluateModulesTest {
  @Test
  void registeredWithExamplesThatBind() {
    StageRegistry registry = StageRegistry.discover();
    for (String name : new String[] {"detect.peaks", "detect.minima", "evaluate.matches", "evaluate.binary",
        "detections.rows", "detections.from-rows", "catalog.label"}) {
      StageType<?> stage = registry.find(name).orElseThrow(() -> new AssertionError(name));
      Problems problems = new Problems();
      YNode doc = new YamlReader().read(Path.of("example.yaml"), stage.example().getBytes(StandardCharsets.UTF_8), problems);
      YNode.Mapping spec = (YNode.Mapping) ((YNode.Sequence) doc).items().get(0);
      assertEquals(name, ((YNode.Scalar) spec.get("use")).text());
      Object config = new ConfigBinder(Path.of("."), name, problems).bind(stage.configType(), (YNode.Mapping) spec.get("with"));
      assertFalse(problems.hasErrors(), name + ": " + problems.all());
      assertTrue(stage.configType().isInstance(config));
    }
  }

  @Test
  void badValuesAreReportedAtTheirKeys() {
    for (String[] c : new String[][] {
        {"{emax: 1, emax_percentile: 5}", "emax_percentile"}, {"{width_km: 10}", "emax"},
        {"{emax: 1, width_km: 10, width_nodes: 3}", "width_nodes"}, {"{emax_percentile: 120}", "emax_percentile"}}) {
      Problems problems = new Problems();
      StageHarness.bindOrProblems(org.moho.pipelines.detect.MinimaConfig.class, c[0], problems);
      assertTrue(problems.all().toString().contains(c[1]), c[0] + " → " + problems.all());
    }
    Problems problems = new Problems();
    StageHarness.bindOrProblems(MatchesConfig.class, "{region: [160, 210, 55, 17]}", problems);
    assertTrue(problems.all().toString().contains("south < north"), problems.all().toString());
  }
}
