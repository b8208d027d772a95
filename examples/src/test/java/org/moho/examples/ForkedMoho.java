package org.moho.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the moho CLI in a separate JVM (the test classpath, {@code org.moho.runners.Moho}), so
 * that a test can kill it with SIGKILL or run it under a small heap. Output goes to a log file.
 */
final class ForkedMoho {
  private ForkedMoho() {}

  static Process start(Path log, String maxHeap, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + maxHeap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.moho.runners.Moho");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(MohoRuns.REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }
}
