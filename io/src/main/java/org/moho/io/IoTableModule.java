package org.moho.io;

import org.moho.core.stage.StageModule;
import org.moho.io.table.TableRead;
import org.moho.io.table.TableWrite;

/** Registers the table reader and writer. */
public final class IoTableModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("table.read", TableRead.class);
    stage("table.write", TableWrite.class);
  }
}
