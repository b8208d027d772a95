package org.moho.pipelines.qc;

import org.moho.core.stage.StageModule;

/** Registers the seismogram quality-control stages. */
public final class SeismoQcModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("seismo.damage", SeismoDamage.Windows.class);
    stage("seismo.damage-waveforms", SeismoDamage.Waveforms.class);
    stage("seismo.metrics", SeismoMetrics.class);
    stage("qc.rules", QcRules.class);
    stage("qc.descriptor", QcDescriptorStage.class);
  }
}
