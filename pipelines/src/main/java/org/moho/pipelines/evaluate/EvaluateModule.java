package org.moho.pipelines.evaluate;

import org.moho.core.stage.StageModule;

/** Registers the evaluation stages. */
public final class EvaluateModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("evaluate.matches", EvaluateMatches.class);
    stage("evaluate.binary", EvaluateBinary.class);
  }
}
