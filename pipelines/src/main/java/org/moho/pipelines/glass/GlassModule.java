package org.moho.pipelines.glass;

import org.moho.core.stage.StageModule;

/** Stage types for glass and melt chemistry. */
public final class GlassModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("glass.composition", GlassComposition.class);
  }
}
