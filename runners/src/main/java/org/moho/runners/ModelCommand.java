package org.moho.runners;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.moho.models.bundle.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "model", header = "Inspect model bundles.", mixinStandardHelpOptions = true,
    subcommands = {ModelCommand.Info.class},
    description = "A model bundle is the folder a training stage writes: the network, its normaliser and model.json.")
final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "info", header = "Print what a model bundle holds.", mixinStandardHelpOptions = true,
      description = "Architecture, training config, data fingerprint, per-epoch metrics, versions and checksum of a bundle.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:printed", "2:bad command line", "4:DIR is not a readable model bundle"})
  static final class Info implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "the bundle folder")
    Path dir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        spec.commandLine().getOut().print(ModelBundle.describe(dir));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("error: " + dir + " is not a usable model bundle: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
  }
}
