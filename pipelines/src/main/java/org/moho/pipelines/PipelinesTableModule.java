package org.moho.pipelines;

import org.moho.core.stage.StageModule;
import org.moho.pipelines.table.TableSelect;

/** Registers the row transforms. */
public final class PipelinesTableModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("table.select", TableSelect.class);
    stage("errors.rows", org.moho.pipelines.table.ErrorsAsRows.class);
  }
}
