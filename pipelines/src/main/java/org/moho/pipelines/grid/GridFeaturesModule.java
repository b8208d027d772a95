package org.moho.pipelines.grid;

import org.moho.core.stage.StageModule;

/** Stage types that turn grids into features: patches and filters. */
public final class GridFeaturesModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("grid.patches", GridPatches.class);
    stage("grid.filter", GridFilter.class);
    stage("grid.sample", GridSample.class);
  }
}
