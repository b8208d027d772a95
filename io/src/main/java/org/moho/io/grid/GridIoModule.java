package org.moho.io.grid;

import org.moho.core.stage.StageModule;

/** Registers the grid stages: {@code grid.read} and {@code grid.write}. */
public final class GridIoModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("grid.read", GridRead.class);
    stage("grid.write", GridWrite.class);
  }
}
