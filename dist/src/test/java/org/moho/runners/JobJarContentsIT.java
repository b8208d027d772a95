package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the shaded job jar must hold that a merge could get wrong. */
class JobJarContentsIT {
  @Test
  void theDirectRunnerInTheJobJarIsMohosCopyThatTranslatesEachStepOnce() throws Exception {
    try (JarFile jar = new JarFile(System.getProperty("moho.job.jar"))) {
      // only Moho's copy of ParDoEvaluatorFactory has this nested record (see that class)
      assertNotNull(jar.getEntry("org/apache/beam/runners/direct/ParDoEvaluatorFactory$Translated.class"),
          "the job jar has Beam's ParDoEvaluatorFactory instead of moho-runners' copy");
    }
  }
}
