package org.moho.runners;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;

/** The {@code moho} command line. Commands are made by Guice, so they receive their services. */
public final class Moho {
  private Moho() {}

  public static void main(String[] args) {
    Charset stdout = Charset.forName(System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));
    System.setOut(new PrintStream(new LineDroppingOutputStream(System.out, LIBRARY_CHATTER), true, stdout));
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Lines libraries print to standard output that say nothing to a user (see {@link LineDroppingOutputStream}). */
  static final List<String> LIBRARY_CHATTER = List.of("Added differentiated op ");

  /** Runs one command line, printing to the given writers; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(Guice.createInjector(new CliModule())).setOut(out).setErr(err).execute(args);
  }

  static CommandLine commandLine(Injector injector) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        try {
          return injector.getInstance(cls);
        } catch (com.google.inject.ConfigurationException e) {
          return CommandLine.defaultFactory().create(cls);
        }
      }
    };
    CommandLine cl = new CommandLine(MohoCommand.class, factory);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("error: " + org.moho.core.run.PipelineRun.rootCause(e));
      line.getErr().flush();
      return ExitCodes.RUN_FAILED;
    });
    return cl;
  }
}
