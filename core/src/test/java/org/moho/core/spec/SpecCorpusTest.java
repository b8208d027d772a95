package org.moho.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.stage.StageRegistry;

/**
 * Every spec under specs/invalid states, in its {@code # expect:} lines, the exact problems Moho
 * must report (file:line:column and message), all of them at once. Params given on the command
 * line are written as {@code # params: name=value}.
 */
class SpecCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/specs");
  static final StageRegistry REGISTRY = StageRegistry.discover(SpecCorpusTest.class.getClassLoader());

  /** The problems of a spec as "file:line:column: error|warning: message", file as a base name. */
  static List<String> problems(Path spec) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    for (String line : Files.readAllLines(spec)) {
      if (line.startsWith("# params: ")) {
        for (String kv : line.substring(10).trim().split("\\s+")) {
          String[] p = kv.split("=", 2);
          params.put(p[0], p[1]);
        }
      }
    }
    Problems problems = new Problems();
    PipelineSpec s = new SpecLoader().load(spec, problems);
    if (!problems.hasErrors()) {
      new GraphBuilder(REGISTRY).build(s, params, Path.of("/tmp/moho-test-out"), Map.of("HOME", "/root"), Path.of("/work"), problems);
    }
    List<String> out = new ArrayList<>();
    for (Problem p : problems.all()) {
      String where = p.location().toString();
      int slash = where.lastIndexOf('/');
      out.add((slash >= 0 && !where.startsWith("-p") ? where.substring(slash + 1) : where) + ": "
          + (p.isError() ? "error: " : "warning: ") + p.message());
    }
    return out;
  }

  static List<String> expected(Path spec) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(spec)) {
      if (line.startsWith("# expect: ")) out.add(line.substring(10));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidSpecReportsExactlyItsProblems() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS.resolve("invalid"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 25, "the corpus must hold at least 25 invalid specs, has " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      List<String> expected = expected(f);
      assertTrue(!expected.isEmpty(), f + " has no '# expect:' line");
      assertEquals(expected, problems(f));
    }));
  }

  @Test
  void theValidSpecUsesEveryFeatureAndPasses() throws IOException {
    Path spec = CORPUS.resolve("valid/everything.yaml");
    assertEquals(List.of(), problems(spec));
    PipelineGraph g = new GraphBuilder(REGISTRY).build(new SpecLoader().load(spec), Map.of("n", "8"),
        Path.of("/tmp/o"), Map.of(), Path.of("/work"));
    assertEquals(List.of("more", "numbers", "half", "all", "odd"), g.stages().stream().map(s -> s.id()).toList());
    assertEquals(8L, g.params().get("n"));
    assertEquals(CORPUS.resolve("valid/data/out.csv").toAbsolutePath().normalize().toString(),
        g.params().get("where").toString());
  }

  public static void main(String[] args) throws IOException {
    try (Stream<Path> s = Files.list(CORPUS.resolve("invalid"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        System.out.println("== " + f.getFileName());
        for (String p : problems(f)) System.out.println("# expect: " + p);
      }
    }
  }
}
