package org.moho.runners;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.moho.core.stage.StageRegistry;

/** Wiring of the CLI: the stage registry is every StageModule on the classpath, found once, lazily. */
final class CliModule extends AbstractModule {
  @Provides
  @Singleton
  StageRegistry registry() {
    return StageRegistry.discover(CliModule.class.getClassLoader());
  }
}
