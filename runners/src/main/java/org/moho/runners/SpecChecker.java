package org.moho.runners;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.spec.PipelineSpec;
import org.moho.core.spec.Problem;
import org.moho.core.spec.Problems;
import org.moho.core.spec.SpecLoader;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.StageRegistry;

/** Loads and checks a spec for the commands, printing every problem as file:line:column. */
final class SpecChecker {
  private final StageRegistry registry;

  @Inject
  SpecChecker(StageRegistry registry) {
    this.registry = registry;
  }

  /** The checked graph, or null after printing the errors to {@code err}. Warnings go to {@code err} too. */
  PipelineGraph check(SpecOptions o, PrintWriter err) {
    Problems problems = new Problems();
    PipelineSpec spec = new SpecLoader(new YamlReader(), o.allowOutside).load(o.spec, problems);
    Path out = o.out != null ? o.out.toAbsolutePath().normalize()
        : Path.of("moho-out").resolve(spec.name()).toAbsolutePath().normalize();
    PipelineGraph graph = null;
    if (!problems.hasErrors()) {
      graph = new GraphBuilder(registry, o.allowOutside).build(spec, o.params, out, System.getenv(), Path.of("").toAbsolutePath(), problems);
    }
    for (Problem p : problems.all()) err.println(p);
    if (problems.hasErrors()) {
      err.println(problems.errors().size() + " error" + (problems.errors().size() == 1 ? "" : "s") + " in " + o.spec);
      err.flush();
      return null;
    }
    err.flush();
    return graph;
  }
}
