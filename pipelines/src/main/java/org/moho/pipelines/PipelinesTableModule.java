package org.moho.pipelines;

import org.moho.core.stage.StageModule;
import org.moho.pipelines.table.TableSelect;

/** Registers the row transforms (tables, error records as rows, rows back into a grid). */
public final class PipelinesTableModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("table.select", TableSelect.class);
    stage("errors.rows", org.moho.pipelines.table.ErrorsAsRows.class);
    stage("grid.from-rows", org.moho.pipelines.grid.PointsToGrid.class);
    stage("features.rows", org.moho.pipelines.table.FeaturesAsRows.class);
    stage("table.log1p", org.moho.pipelines.table.LogColumns.class);
  }
}
