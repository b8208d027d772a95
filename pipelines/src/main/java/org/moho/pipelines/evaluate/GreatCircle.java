package org.moho.pipelines.evaluate;

/**
 * Great-circle distances on a sphere of radius 6371 km (the mean Earth radius), by the haversine
 * formula, which stays accurate for the short distances that matching cares about. Longitudes
 * may be given in 0–360 or −180–180; the formula only sees their difference.
 */
public final class GreatCircle {
  private GreatCircle() {}

  public static final double EARTH_RADIUS_KM = 6371.0;

  public static double km(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = sin2(dp / 2) + Math.cos(p1) * Math.cos(p2) * sin2(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static double sin2(double x) {
    double s = Math.sin(x);
    return s * s;
  }

  /** {@code lon} shifted by whole turns into {@code [west, west + 360)}. */
  public static double wrapFrom(double lon, double west) {
    double d = (lon - west) % 360.0;
    if (d < 0) d += 360.0;
    return west + d;
  }
}
