package org.moho.testing.plugin;

import org.moho.core.stage.StageModule;

/** The plugin's Guice module, found through META-INF/services. */
public final class PluginModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("plugin.count", CountRows.class);
  }
}
