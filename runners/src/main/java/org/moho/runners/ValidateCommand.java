package org.moho.runners;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.moho.core.graph.PipelineGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", header = "Check a spec without reading any data.", mixinStandardHelpOptions = true,
    description = {"Loads the spec and its includes, applies params, binds every stage's settings and checks the graph",
        "(stage types, from references, cycles, element types). Prints every problem as file:line:column."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the spec is valid (warnings may be printed)", "2:bad command line", "3:the spec has errors"})
final class ValidateCommand implements Callable<Integer> {
  @Mixin SpecOptions specOptions;
  @Spec CommandSpec command;

  private final SpecChecker checker;

  @Inject
  ValidateCommand(SpecChecker checker) {
    this.checker = checker;
  }

  @Override
  public Integer call() {
    PipelineGraph graph = checker.check(specOptions, command.commandLine().getErr());
    if (graph == null) return ExitCodes.INVALID_SPEC;
    command.commandLine().getOut().println(specOptions.spec + ": valid (" + graph.stages().size() + " stages"
        + (graph.warnings().isEmpty() ? "" : ", " + graph.warnings().size() + " warning" + (graph.warnings().size() == 1 ? "" : "s")) + ")");
    return ExitCodes.OK;
  }
}
