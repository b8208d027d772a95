package org.moho.pipelines.glass;

import org.moho.core.stage.StageModule;

/** The glass viscosity model stages: training, prediction and curves. */
public final class GlassModelModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("glass.train", GlassTrain.class);
    stage("glass.predict", GlassPredict.class);
    stage("glass.curves", GlassCurves.class);
  }
}
