package org.moho.pipelines.grid;

/** What a filter or scaling width is measured in. */
public enum WidthUnits {
  /** Kilometres; a longitude step of dx degrees is dx * 111.195 * cos(lat) km. */
  KM,
  /** Grid nodes (Cartesian: a node is one unit in x and in y). */
  NODES
}
