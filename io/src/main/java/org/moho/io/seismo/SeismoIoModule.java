package org.moho.io.seismo;

import org.moho.core.stage.StageModule;

/** The seismogram stage types of module io. */
public final class SeismoIoModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("seismo.read", SeismoRead.class);
  }
}
