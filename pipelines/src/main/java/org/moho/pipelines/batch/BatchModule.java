package org.moho.pipelines.batch;

import org.moho.core.stage.StageModule;

/** Registers the stages that move records in batches. */
public final class BatchModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("batch", BatchRecords.class);
    stage("unbatch", UnbatchRows.class);
  }
}
