package org.moho.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.moho.core.graph.GraphBuilder;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.run.PipelineRun;
import org.moho.core.run.RunReport;
import org.moho.core.spec.SpecLoader;
import org.moho.core.stage.StageRegistry;

/** A spec text checked into a graph with the stages on the test classpath, and run on the DirectRunner. */
public final class TestSpecs {
  private TestSpecs() {}

  /** {@code yaml} written as {@code dir/spec.yaml} and checked, its outputs going to {@code out}. */
  public static PipelineGraph graph(Path dir, String yaml, Path out) throws Exception {
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, yaml);
    return new GraphBuilder(StageRegistry.discover(TestSpecs.class.getClassLoader()))
        .build(new SpecLoader().load(spec), Map.of(), out, Map.of(), dir);
  }

  /** The graph run on the DirectRunner, its summary discarded. */
  public static RunReport runDirect(PipelineGraph graph) throws Exception {
    return new PipelineRun(graph, PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create(), "direct", false)
        .execute(new PrintWriter(new StringWriter()));
  }
}
