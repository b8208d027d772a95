package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `moho run` notes a missing translation cache by looking for the copy's marker; the marker must be found. */
class DirectRunnerTranslationCacheTest {
  @Test
  void theCheckFindsMohosCopyOnThisClasspath() {
    assertTrue(DirectRunnerTranslationCache.inUse(),
        "moho run would print '" + DirectRunnerTranslationCache.NOT_IN_USE + "' on every DirectRunner run");
  }
}
