package org.moho.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moho.core.spec.Problems;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageRegistry;
import org.moho.core.stage.StageType;
import org.moho.io.geojson.GeoJsonModule;
import org.moho.io.plot.PlotMap;
import org.moho.io.plot.PlotModule;

/** The stages are found by ServiceLoader, and each one's documented example binds to its config. */
class PlotAndGeoJsonStagesTest {
  private static final Set<String> NAMES =
      Set.of("plot.waveform", "plot.map", "plot.histogram", "plot.line", "geojson.write", "geojson.write-rows");

  @Test
  void serviceLoaderFindsEveryStage() {
    assertTrue(StageRegistry.discover().names().containsAll(NAMES), StageRegistry.discover().names().toString());
  }

  @Test
  void everyExampleBindsToItsConfig() {
    StageRegistry registry = StageRegistry.of(List.of(new PlotModule(), new GeoJsonModule()));
    for (String name : NAMES) {
      StageType<?> type = registry.find(name).orElseThrow();
      assertFalse(type.description().isBlank(), name);
      Record config = bindExample(type);
      assertNotNull(config, name + " example binds");
    }
  }

  @Test
  void mapDefaultsAndValidation() {
    StageType<?> map = StageRegistry.of(List.of(new PlotModule())).find("plot.map").orElseThrow();
    PlotMap.Config c = (PlotMap.Config) bind(map, "path: m.png\n");
    assertEquals(1600, c.width());
    assertEquals(1000, c.height());
    assertEquals(300, c.dpi());
    assertEquals("haxby", c.palette().toString());
    assertNull(c.range());
    assertTrue(c.shade());
    Problems problems = new Problems();
    assertNull(bind(map, "path: m.png\nrange: [3000, -1000]\npalette: haxbi\n", problems));
    String all = problems.all().toString();
    assertTrue(all.contains("'palette' is 'haxbi'; expected one of haxby, balance, deep, viridis"), all);
    Problems tooSmall = new Problems();
    assertNull(bind(map, "path: m.png\nwidth: 100\n", tooSmall));
    assertTrue(tooSmall.all().toString().contains("'width' must be 400..8000 pixels, got 100"), tooSmall.all().toString());
  }

  private static Record bindExample(StageType<?> type) {
    Problems p = new Problems();
    YNode doc = new YamlReader().read(Path.of("example"), type.example().getBytes(StandardCharsets.UTF_8), p);
    YNode.Mapping stage = (YNode.Mapping) ((YNode.Sequence) doc).items().get(0);
    Record r = new ConfigBinder(Path.of("/spec"), "example", p).bind(type.configType(), (YNode.Mapping) stage.get("with"));
    assertFalse(p.hasErrors(), p.all().toString());
    return r;
  }

  private static Record bind(StageType<?> type, String yaml) {
    Problems p = new Problems();
    Record r = bind(type, yaml, p);
    assertFalse(p.hasErrors(), p.all().toString());
    return r;
  }

  private static Record bind(StageType<?> type, String yaml, Problems p) {
    YNode doc = new YamlReader().read(Path.of("with"), yaml.getBytes(StandardCharsets.UTF_8), p);
    return new ConfigBinder(Path.of("/spec"), "test", p).bind(type.configType(), (YNode.Mapping) doc);
  }
}
