package org.moho.runners;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.moho.core.files.AtomicFiles;
import org.moho.core.spec.Suggestions;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stages", header = "List the stage types, or describe one.", mixinStandardHelpOptions = true,
    description = "Without TYPE, lists every registered stage type (built in, or from a jar on the classpath) with its "
        + "first sentence. With TYPE, prints its description, inputs, output and keys (type, default, meaning).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:bad command line or unknown TYPE"})
final class StagesCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "a stage type, e.g. table.read")
  String type;

  @Option(names = "--markdown", description = "print the whole reference as Markdown (the source of docs/stages.md)")
  boolean markdown;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "with --markdown: write it to FILE")
  Path output;

  @Spec CommandSpec command;

  private final StageRegistry registry;

  @Inject
  StagesCommand(StageRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    var out = command.commandLine().getOut();
    if (markdown) {
      String md = StageReference.markdown(registry);
      if (output != null) {
        AtomicFiles.writeString(output, md);
        out.println("wrote " + output);
      } else {
        out.print(md);
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (type != null) {
      if (registry.find(type).isEmpty()) {
        command.commandLine().getErr().println("unknown stage type '" + type + "'" + Suggestions.didYouMean(type, registry.names()));
        return ExitCodes.USAGE;
      }
      out.print(StageReference.text(registry, type));
      out.flush();
      return ExitCodes.OK;
    }
    for (String name : registry.names()) {
      var t = registry.find(name).orElseThrow();
      String first = t.description().split("(?<=\\.)\\s", 2)[0];
      String keys = String.join(", ", ConfigBinder.describeKeys(t.configType()).stream().map(ConfigBinder.KeyDoc::key).toList());
      out.printf("%-22s %s%n%-22s keys: %s%n", name, first, "", keys.isEmpty() ? "(none)" : keys);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
