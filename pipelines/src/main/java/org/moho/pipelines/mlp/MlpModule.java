package org.moho.pipelines.mlp;

import org.moho.core.stage.StageModule;

/** The generic supervised committee stages. */
public final class MlpModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("mlp.train", MlpTrain.class);
    stage("mlp.predict", MlpPredict.class);
  }
}
