package org.moho.pipelines.grid;

/**
 * Distances on a spherical Earth of mean radius {@value #RADIUS_KM} km (IUGG mean radius R1, the
 * value GMT uses for flat-Earth km conversions), so that widths in km mean the same here as in
 * {@code gmt grdfilter -D1..3}.
 */
public final class Earth {
  private Earth() {}

  public static final double RADIUS_KM = 6371.0087714;
  /** Length of one degree of latitude (and of longitude at the equator). */
  public static final double KM_PER_DEGREE = 2 * Math.PI * RADIUS_KM / 360.0;

  /** Great-circle distance in km (haversine, stable for short distances). */
  public static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** East-west length in km of {@code degrees} of longitude at latitude {@code lat}. */
  public static double lonKm(double degrees, double lat) {
    return degrees * KM_PER_DEGREE * Math.cos(Math.toRadians(lat));
  }

  /** {@code lon} moved by whole turns into [{@code west}, {@code west} + 360). */
  public static double wrapLon(double lon, double west) {
    double d = (lon - west) % 360.0;
    if (d < 0) d += 360.0;
    return west + d;
  }
}
