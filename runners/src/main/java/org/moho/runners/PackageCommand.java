package org.moho.runners;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "package", header = "Build one self-contained job jar for a cluster.", mixinStandardHelpOptions = true,
    description = {"Copies the Moho job jar (Moho, every built-in stage, Beam's Direct and Flink runners, the Linux",
        "x86-64 native libraries of ND4J) and merges the named stage jars into it, ServiceLoader files merged, so",
        "that 'flink run', 'moho run --runner flink --files-to-stage JAR' or Dataflow staging get one file.",
        "The job jar itself is built by './mvnw -B -pl dist -am package -DskipTests' (dist/target/moho-job-*.jar)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the jar was written", "2:bad command line", "4:the job jar or an extra jar could not be used"})
final class PackageCommand implements Callable<Integer> {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "moho-job.jar", description = "the jar to write (default: ${DEFAULT-VALUE})")
  Path output;

  @Option(names = "--job-jar", paramLabel = "FILE", description = "the Moho job jar to start from (default: the jar Moho runs from, "
      + "else -Dmoho.job.jar, else dist/target/moho-job-*.jar)")
  Path jobJar;

  @Parameters(paramLabel = "EXTRA_STAGE_JARS", arity = "0..*", description = "jars of extra stages (with META-INF/services/org.moho.core.stage.StageModule)")
  List<Path> extras = new ArrayList<>();

  @Spec CommandSpec command;

  @Override
  public Integer call() throws Exception {
    var out = command.commandLine().getOut();
    var err = command.commandLine().getErr();
    Path base = jobJar != null ? jobJar : findJobJar();
    if (base == null) {
      err.println("error: no Moho job jar found; build it with './mvnw -B -pl dist -am package -DskipTests' or name it with --job-jar");
      return ExitCodes.BAD_INPUT;
    }
    JobJar.Result r;
    try {
      r = JobJar.merge(base, extras, output);
    } catch (java.io.IOException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    out.printf("Wrote %s (%.1f MB): %s + %d extra jar(s), %d entries added, %d service file(s) merged%n",
        r.jar(), r.bytes() / 1e6, base.getFileName(), extras.size(), r.added(), r.servicesMerged());
    if (!r.duplicates().isEmpty()) {
      out.println("warning: " + r.duplicates().size() + " entries of the extra jars differ from the job jar's and were left out "
          + "(the job jar's copy is kept), e.g. " + r.duplicates().get(0));
    }
    return ExitCodes.OK;
  }

  /** The jar Moho runs from when it is a job jar, else -Dmoho.job.jar, else dist/target/moho-job-*.jar from here. */
  static Path findJobJar() throws java.io.IOException {
    try {
      Path self = Path.of(Moho.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.getFileName().toString().startsWith("moho-job")) return self;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // not loaded from a file: fall through
    }
    String prop = System.getProperty("moho.job.jar");
    if (prop != null && Files.isRegularFile(Path.of(prop))) return Path.of(prop);
    Path dist = Path.of(System.getProperty("moho.home", ".")).resolve("dist/target");
    if (!Files.isDirectory(dist)) return null;
    try (Stream<Path> s = Files.list(dist)) {
      return s.filter(p -> p.getFileName().toString().matches("moho-job-.*\\.jar")).sorted().findFirst().orElse(null);
    }
  }
}
