package org.moho.io.catalog;

import java.io.Serializable;

/**
 * A lon/lat box, bounds included. Longitudes compare modulo 360, so a box 160..210 holds both
 * 170 and -170 (= 190), and a catalogue in -180..180 clips against a grid in 0..360.
 */
record Region(double west, double east, double south, double north) implements Serializable {
  private static final double EPS = 1e-9;

  boolean contains(double lon, double lat) {
    if (lat < south - EPS || lat > north + EPS) return false;
    double width = east - west;
    if (width >= 360 - EPS) return true;
    double d = ((lon - west) % 360 + 360) % 360;
    if (d > 360 - EPS) d = 0;
    return d <= width + EPS;
  }

  Region intersect(Region o) {
    if (o == null) return this;
    // Boxes from a user and from a grid in the same longitude convention: plain intersection.
    return new Region(Math.max(west, o.west), Math.min(east, o.east), Math.max(south, o.south), Math.min(north, o.north));
  }
}
