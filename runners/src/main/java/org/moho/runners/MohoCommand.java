package org.moho.runners;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "moho", mixinStandardHelpOptions = true, versionProvider = MohoVersion.class,
    header = "Moho: machine learning on geoscience data, as YAML pipelines run on Apache Beam.",
    description = "Write a pipeline as YAML, check it with 'moho validate', run it with 'moho run'. See docs/ for the language.",
    subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, StagesCommand.class, ModelCommand.class, PackageCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a run failed", "2:bad command line", "3:the spec has errors", "4:an input could not be used"})
final class MohoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
