package org.moho.core.spec;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.stage.StageRegistry;

/**
 * Bytes → spec file → {@link SpecLoader} and {@link GraphBuilder}, as {@code moho validate} does.
 * The only allowed outcomes are a graph or {@link Problems}; any exception or error escaping is a
 * bug. Under {@code mvn test} the seeds in {@code SpecLoaderFuzzTestInputs/loadAndBuild} are
 * replayed (the spec corpus of specs/**, flattened, plus inputs the fuzzer found); with
 * {@code -Pfuzz} Jazzer mutates them for the stated duration.
 */
class SpecLoaderFuzzTest {
  private static final StageRegistry REGISTRY = StageRegistry.discover(SpecLoaderFuzzTest.class.getClassLoader());
  private static final Path FOLDER = folder();

  /** A spec folder holding an includable part, so that {@code include:} paths can resolve. */
  private static Path folder() {
    try {
      Path dir = Files.createTempDirectory("moho-spec-fuzz");
      Files.createDirectories(dir.resolve("parts"));
      Files.copy(Path.of("src/test/resources/specs/valid/parts/more-stages.yaml"), dir.resolve("parts/more-stages.yaml"));
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void loadAndBuild(byte[] bytes) throws IOException {
    Path spec = FOLDER.resolve("spec.yaml");
    Files.write(spec, bytes);
    Problems problems = new Problems();
    PipelineSpec s = new SpecLoader(new YamlReader(), false).load(spec, problems);
    assertNotNull(s);
    if (!problems.hasErrors()) {
      new GraphBuilder(REGISTRY).build(s, Map.of(), FOLDER.resolve("out"), Map.of("HOME", "/root"), FOLDER, problems);
    }
    for (Problem p : problems.all()) assertNotNull(p.message());
  }
}
