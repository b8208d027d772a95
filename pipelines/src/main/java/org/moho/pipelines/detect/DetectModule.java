package org.moho.pipelines.detect;

import org.moho.core.stage.StageModule;

/** Registers the grid detectors. */
public final class DetectModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("detect.peaks", DetectPeaks.class);
    stage("detect.minima", DetectMinima.class);
    stage("detections.rows", DetectionsAsRows.class);
    stage("detections.from-rows", RowsAsDetections.class);
    stage("catalog.label", CatalogueLabel.class);
  }
}
