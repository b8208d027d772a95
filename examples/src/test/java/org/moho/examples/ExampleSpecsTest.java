package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.moho.core.stage.StageRegistry;

/** Every spec Moho ships passes `moho validate` and renders with `moho explain`; the stage docs are current. */
class ExampleSpecsTest {
  static List<Path> shippedSpecs() throws IOException {
    List<Path> roots = List.of(MohoRuns.REPO.resolve("examples/pipelines"), MohoRuns.REPO.resolve("pipelines/src/main/resources/workflows"));
    java.util.ArrayList<Path> specs = new java.util.ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) continue;
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(specs::add);
      }
    }
    return specs;
  }

  @TestFactory
  Stream<DynamicTest> everyShippedSpecValidatesAndExplains() throws IOException {
    List<Path> specs = shippedSpecs();
    assertFalse(specs.isEmpty());
    return specs.stream().map(spec -> DynamicTest.dynamicTest(MohoRuns.REPO.relativize(spec).toString(), () -> {
      MohoRuns.Result v = MohoRuns.moho("validate", spec.toString());
      assertEquals(0, v.code(), v.err());
      assertTrue(v.out().contains("valid"), v.out());
      assertFalse(v.err().contains("warning"), "a shipped spec has no warnings: " + v.err());
      for (String format : new String[] {"text", "dot", "mermaid"}) {
        MohoRuns.Result e = MohoRuns.moho("explain", spec.toString(), "--format", format);
        assertEquals(0, e.code(), e.err());
        assertFalse(e.out().isBlank());
      }
    }));
  }

  @Test
  void docsStagesMdMatchesTheStageDeclarations() throws IOException {
    Path doc = MohoRuns.REPO.resolve("docs/stages.md");
    MohoRuns.Result r = MohoRuns.moho("stages", "--markdown");
    assertEquals(0, r.code());
    assertTrue(Files.exists(doc), "docs/stages.md is missing: run ./moho stages --markdown -o docs/stages.md");
    assertEquals(r.out(), Files.readString(doc),
        "docs/stages.md is stale: regenerate it with ./moho stages --markdown -o docs/stages.md");
    for (String name : StageRegistry.discover(getClass().getClassLoader()).names()) {
      assertTrue(r.out().contains("## " + name + "\n"), name);
    }
  }
}
