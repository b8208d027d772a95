package org.moho.runners;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.moho.core.graph.PipelineGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", header = "Show the resolved graph of a spec.", mixinStandardHelpOptions = true,
    description = "Prints the stages in run order with their inputs and resolved settings, or the graph as Graphviz dot or Mermaid.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:bad command line", "3:the spec has errors"})
final class ExplainCommand implements Callable<Integer> {
  @Mixin SpecOptions specOptions;
  @Spec CommandSpec command;

  @Option(names = "--format", defaultValue = "text", description = "text, dot or mermaid (default: ${DEFAULT-VALUE})")
  GraphRenderer.Format format;

  private final SpecChecker checker;

  @Inject
  ExplainCommand(SpecChecker checker) {
    this.checker = checker;
  }

  @Override
  public Integer call() {
    PipelineGraph graph = checker.check(specOptions, command.commandLine().getErr());
    if (graph == null) return ExitCodes.INVALID_SPEC;
    command.commandLine().getOut().print(GraphRenderer.render(graph, format));
    command.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
