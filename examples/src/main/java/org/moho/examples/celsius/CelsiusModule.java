package org.moho.examples.celsius;

import org.moho.core.stage.StageModule;

/**
 * Registers {@code example.celsius}. Listed in
 * META-INF/services/org.moho.core.stage.StageModule, so Moho finds it on the classpath.
 */
public final class CelsiusModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("example.celsius", Celsius.class);
  }
}
