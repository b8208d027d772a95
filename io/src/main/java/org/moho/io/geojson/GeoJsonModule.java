package org.moho.io.geojson;

import org.moho.core.stage.StageModule;

/** Registers the GeoJSON writers. */
public final class GeoJsonModule extends StageModule {
  @Override
  protected void configureStages() {
    stage("geojson.write", GeoJsonWrite.class);
    stage("geojson.write-rows", GeoJsonWriteRows.class);
  }
}
