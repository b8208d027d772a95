package org.moho.pipelines.scaling;

import org.moho.core.stage.StageModule;

/** Stage types that fit and apply feature normalisers. */
public final class ScalingModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("scale.fit", ScaleFit.class);
    stage("scale.apply", ScaleApply.class);
  }
}
