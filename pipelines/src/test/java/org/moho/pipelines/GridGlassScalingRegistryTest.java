package org.moho.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moho.core.spec.Problems;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageRegistry;
import org.moho.core.stage.StageType;
import org.moho.pipelines.grid.Detrend;
import org.moho.pipelines.grid.PatchConfig;
import org.moho.pipelines.grid.PatchScaling;

/** The grid, glass and scaling stages are found by ServiceLoader and their examples bind. */
class GridGlassScalingRegistryTest {
  static final List<String> NAMES = List.of("grid.patches", "grid.filter", "grid.sample", "glass.composition", "scale.fit", "scale.apply");

  private static Record bind(StageType<?> type, String yaml, Problems problems) {
    YNode root = new YamlReader().read(Path.of("example.yaml"), yaml.getBytes(StandardCharsets.UTF_8), problems);
    YNode.Mapping stage = (YNode.Mapping) ((YNode.Sequence) root).items().get(0);
    YNode.Mapping with = (YNode.Mapping) stage.get("with");
    return new ConfigBinder(Path.of("."), "example", problems).bind(type.configType(), with);
  }

  @Test
  void stagesAreRegisteredAndTheirExamplesBind() {
    StageRegistry registry = StageRegistry.discover();
    for (String name : NAMES) {
      StageType<?> type = registry.find(name).orElseThrow(() -> new AssertionError(name + " not registered"));
      assertFalse(type.description().isBlank());
      Problems problems = new Problems();
      Record config = bind(type, type.example(), problems);
      assertFalse(problems.hasErrors(), name + ": " + problems.all());
      assertNotNull(config, name);
    }
  }

  @Test
  void patchExampleBindsEveryKeyAsWritten() {
    Problems problems = new Problems();
    PatchConfig c = (PatchConfig) bind(StageRegistry.discover().find("grid.patches").orElseThrow(),
        StageRegistry.discover().find("grid.patches").orElseThrow().example(), problems);
    assertEquals(200.0, c.sizeKm());
    assertEquals(Detrend.PLANE, c.detrend());
    assertEquals(PatchScaling.LOCAL_MAX, c.scaling());
    assertEquals(300, c.negatives());
    assertEquals(60.0, c.minDistanceKm());
  }

  @Test
  void badValueIsReportedAtItsKey() {
    Problems problems = new Problems();
    bind(StageRegistry.discover().find("grid.patches").orElseThrow(), "- id: p\n  with: {stride: 0}\n", problems);
    assertTrue(problems.hasErrors());
    assertTrue(problems.errors().toString().contains("stride"), problems.errors().toString());
  }
}
