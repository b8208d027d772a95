package org.moho.io.catalog;

import org.moho.core.stage.StageModule;

/** Registers {@code catalog.read}. */
public final class CatalogIoModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("catalog.read", CatalogRead.class);
  }
}
