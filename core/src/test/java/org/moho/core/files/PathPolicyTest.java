package org.moho.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.spec.Problem;
import org.moho.core.spec.Problems;
import org.moho.core.spec.SpecLoader;
import org.moho.core.stage.StageRegistry;

/**
 * Paths in {@code with:} blocks and path params stay in the spec's folder, the working folder or
 * the output folder unless --allow-outside: reading and writing alike, through {@code ..}, absolute
 * paths and symbolic links.
 */
class PathPolicyTest {
  static final StageRegistry REGISTRY = StageRegistry.discover(PathPolicyTest.class.getClassLoader());

  @TempDir Path tmp;

  /** The errors of a spec in tmp/specs whose test.numbers stage has {@code file: <file>}. */
  private List<String> errors(String file, boolean allowOutside) throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Path spec = specs.resolve("s.yaml");
    Files.writeString(spec, """
        pipeline: {name: p}
        params:
          where: {type: path, default: inside.csv}
        stages:
          - {id: n, use: test.numbers, with: {count: 1, file: "%s", label: "${where}"}}
        """.formatted(file));
    Problems problems = new Problems();
    var s = new SpecLoader().load(spec, problems);
    new GraphBuilder(REGISTRY, allowOutside).build(s, Map.of(), tmp.resolve("out"), Map.of(), tmp.resolve("cwd"), problems);
    return problems.errors().stream().map(Problem::message).toList();
  }

  @Test
  void pathsInTheSpecFolderTheWorkingFolderAndTheOutputFolderAreAllowed() throws IOException {
    Files.createDirectories(tmp.resolve("cwd"));
    assertEquals(List.of(), errors("data/a.csv", false));
    assertEquals(List.of(), errors(tmp.resolve("cwd/b.csv").toString(), false));
    assertEquals(List.of(), errors("${out}/c.csv", false));
    assertEquals(List.of(), errors("../out/d.csv", false));
  }

  @Test
  void aPathLeavingEveryAllowedFolderIsAnErrorUnlessAllowed() throws IOException {
    for (String outside : new String[] {"../elsewhere.csv", "/etc/passwd", "data/../../../x.csv"}) {
      List<String> e = errors(outside, false);
      assertEquals(1, e.size(), outside + ": " + e);
      assertTrue(e.get(0).contains("'file' is '" + outside + "'") && e.get(0).contains("--allow-outside"), e.get(0));
      assertEquals(List.of(), errors(outside, true));
    }
  }

  @Test
  void aSymbolicLinkInsideTheSpecFolderPointingOutIsCaught() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Path secret = Files.createDirectories(tmp.resolve("secret"));
    Files.createSymbolicLink(specs.resolve("link"), secret);
    List<String> e = errors("link/keys.csv", false);
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).contains("outside the spec's folder"), e.get(0));
  }

  @Test
  void aPathParamDefaultOutsideIsAnErrorAtTheParam() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Path spec = specs.resolve("s.yaml");
    Files.writeString(spec, """
        pipeline: {name: p}
        params:
          where: {type: path, default: ../../../etc/shadow}
        stages:
          - {id: n, use: test.numbers, with: {count: 1, label: "${where}"}}
        """);
    Problems problems = new Problems();
    var s = new SpecLoader().load(spec, problems);
    new GraphBuilder(REGISTRY, false).build(s, Map.of(), tmp.resolve("out"), Map.of(), tmp.resolve("cwd"), problems);
    List<Problem> e = problems.errors();
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).toString().contains("s.yaml:3:3") && e.get(0).message().contains("param 'where' is /etc/shadow"), e.get(0).toString());
    assertFalse(PathPolicy.within(false, tmp).allows(Path.of("/etc/shadow")));
  }

  @Test
  void aPathTheUserGivesWithDashPIsAllowedButNotWhatLiesBesideIt() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path spec = specs.resolve("s.yaml");
    for (String[] c : new String[][] {{"${where}", "0"}, {"${where}/../other.csv", "1"}}) {
      Files.writeString(spec, """
          pipeline: {name: p}
          params:
            where: {type: path}
          stages:
            - {id: n, use: test.numbers, with: {count: 1, file: "%s"}}
          """.formatted(c[0]));
      Problems problems = new Problems();
      var s = new SpecLoader().load(spec, problems);
      new GraphBuilder(REGISTRY, false).build(s, Map.of("where", elsewhere.resolve("t.csv").toString()), tmp.resolve("out"), Map.of(),
          tmp.resolve("cwd"), problems);
      assertEquals(Integer.parseInt(c[1]), problems.errors().size(), c[0] + ": " + problems.errors());
    }
  }

  @Test
  void theLibraryConstructorDoesNotConfine() throws IOException {
    Path specs = Files.createDirectories(tmp.resolve("specs"));
    Path spec = specs.resolve("s.yaml");
    Files.writeString(spec, "pipeline: {name: p}\nstages:\n  - {id: n, use: test.numbers, with: {count: 1, file: /etc/hosts}}\n");
    Problems problems = new Problems();
    new GraphBuilder(REGISTRY).build(new SpecLoader().load(spec, problems), Map.of(), tmp.resolve("out"), Map.of(), tmp, problems);
    assertEquals(List.of(), problems.errors());
  }
}
