package org.moho.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.moho.runners.Moho;

/** Runs the moho CLI in-process for tests, capturing what it prints. */
final class MohoRuns {
  private MohoRuns() {}

  record Result(int code, String out, String err) {}

  static final Path REPO = Path.of(System.getProperty("moho.repo", ".."));

  static Result moho(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Moho.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
