package org.moho.runners;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.run.PipelineRun;
import org.moho.core.run.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", header = "Run a pipeline.", mixinStandardHelpOptions = true,
    description = {"Checks the spec, then runs it on the chosen runner. Outputs go to --out (${out} in the spec);",
        "OUT/run.json records the status, params, versions and per-stage counts, and a summary is printed.",
        "Error outputs no stage reads are written to OUT/errors/STAGE.jsonl."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the run succeeded", "1:the run failed (see OUT/run.json)", "2:bad command line",
        "3:the spec has errors (printed as file:line:column)"})
final class RunCommand implements Callable<Integer> {
  @Mixin SpecOptions specOptions;
  @Mixin RunnerOptions runnerOptions;
  @Spec CommandSpec command;

  private final SpecChecker checker;

  @Inject
  RunCommand(SpecChecker checker) {
    this.checker = checker;
  }

  @Override
  public Integer call() throws Exception {
    var err = command.commandLine().getErr();
    var out = command.commandLine().getOut();
    PipelineGraph graph = checker.check(specOptions, err);
    if (graph == null) return ExitCodes.INVALID_SPEC;
    org.apache.beam.sdk.options.PipelineOptions options;
    try {
      options = PipelineOptionsBuilder.build(runnerOptions, graph.spec().name());
    } catch (PipelineOptionsBuilder.OptionsException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    out.println("Running " + graph.spec().name() + " (" + graph.stages().size() + " stages) on " + runnerOptions.runner
        + "; output in " + graph.outFolder());
    boolean distributed = runnerOptions.runner != RunnerKind.DIRECT;
    if (distributed) out.println(PipelineOptionsBuilder.placement(runnerOptions, options));
    else if (!DirectRunnerTranslationCache.inUse()) err.println(DirectRunnerTranslationCache.NOT_IN_USE);
    try {
      RunReport report = new PipelineRun(graph, options, runnerOptions.runner.toString(), distributed).execute(out);
      out.flush();
      return report.succeeded() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    } catch (RuntimeException | Error e) {
      // Errors too (an OutOfMemoryError above all): the same cause as run.json, and exit code 1.
      out.flush();
      err.println("error: the run failed: " + PipelineRun.rootCause(e));
      err.flush();
      return ExitCodes.RUN_FAILED;
    }
  }
}
