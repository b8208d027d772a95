package org.moho.pipelines.seismo;

import org.moho.core.stage.StageModule;

/** Registers the seismic feature-extraction stages. */
public final class SeismoFeaturesModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("seismo.preprocess", SeismoPreprocess.class);
    stage("seismo.windows", SeismoWindows.class);
    stage("seismo.spectrum", SeismoSpectrum.class);
    stage("seismo.normalize", SeismoNormalize.class);
    stage("normalize", Normalize.class);
  }
}
