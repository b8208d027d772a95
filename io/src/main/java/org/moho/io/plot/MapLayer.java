package org.moho.io.plot;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moho.core.data.GridTile;

/**
 * One thing on its way to the map, so that tiles and points travel through one GroupByKey: a
 * tile of the grid, or a point of layer {@link #POINTS} or {@link #DETECTIONS}.
 */
@DefaultCoder(SerializableCoder.class)
record MapLayer(int layer, GridTile tile, double lon, double lat) implements Serializable {
  static final int GRID = -1;
  static final int POINTS = 0;
  static final int DETECTIONS = 1;

  static MapLayer tile(GridTile t) {
    return new MapLayer(GRID, t, Double.NaN, Double.NaN);
  }

  static MapLayer point(int layer, double lon, double lat) {
    return new MapLayer(layer, null, lon, lat);
  }
}
