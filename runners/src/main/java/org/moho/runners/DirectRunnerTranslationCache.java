package org.moho.runners;

/**
 * Whether the DirectRunner runs with Moho's copy of its {@code ParDoEvaluatorFactory}, which
 * translates each ParDo once per run instead of once per bundle (see that class, in this module's
 * {@code org.apache.beam.runners.direct}). It does when {@code moho-runners} comes before
 * {@code beam-runners-direct-java} on the classpath, as in the launcher and the job jar; an
 * application that orders them the other way still runs, only slower, and is told so.
 */
final class DirectRunnerTranslationCache {
  private DirectRunnerTranslationCache() {}

  static boolean inUse() {
    try {
      Class.forName("org.apache.beam.runners.direct.ParDoEvaluatorFactory").getDeclaredField("COPIED_FROM_BEAM");
      return true;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  static final String NOT_IN_USE = "note: the DirectRunner found Beam's own ParDoEvaluatorFactory before Moho's copy, "
      + "which translates each step once instead of once per bundle; put moho-runners before "
      + "beam-runners-direct-java on the classpath for faster runs";
}
