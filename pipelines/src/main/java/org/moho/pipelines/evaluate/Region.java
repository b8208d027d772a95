package org.moho.pipelines.evaluate;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A lon/lat box, edges included; {@code west..east} is read eastwards and may cross the
 * antimeridian or use 0–360 or −180–180, and a point's longitude is compared after shifting it by
 * whole turns, so the conventions of the catalogue and the grid need not agree. {@link #ALL}
 * contains every point.
 */
@DefaultCoder(SerializableCoder.class)
public record Region(double west, double east, double south, double north, boolean all) implements Serializable {
  public static final Region ALL = new Region(-180, 180, -90, 90, true);

  public static Region of(double west, double east, double south, double north) {
    return new Region(west, east, south, north, false);
  }

  double span() {
    double s = east - west;
    if (s >= 360) return 360;
    return s < 0 ? s + 360 : s;
  }

  public boolean contains(double lon, double lat) {
    if (all) return true;
    if (lat < south || lat > north) return false;
    return GreatCircle.wrapFrom(lon, west) - west <= span() + 1e-9;
  }

  /** The longitude written in this region's convention (shifted into {@code [west, west+360)}). */
  public double lon(double lon) {
    return all ? lon : GreatCircle.wrapFrom(lon, west);
  }

  /** The smallest box holding both (same longitude convention assumed, no antimeridian wrap). */
  Region union(Region o) {
    if (o == null) return this;
    return of(Math.min(west, o.west), Math.max(east, o.east), Math.min(south, o.south), Math.max(north, o.north));
  }

  java.util.List<Double> asList() {
    return java.util.List.of(west, east, south, north);
  }
}
