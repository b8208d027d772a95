package org.moho.io.plot;

import java.util.Locale;

/**
 * Map axis labels in degrees with a hemisphere letter: longitudes in any 360° frame (160, 180,
 * 190 → 160°E, 180°, 170°W), latitudes 20 → 20°N, −10 → 10°S, 0 → 0°.
 */
final class DegreeLabels {
  private DegreeLabels() {}

  static String longitude(double lon, double step) {
    double l = ((lon + 180) % 360 + 360) % 360 - 180; // into -180..180
    if (Math.abs(Math.abs(l) - 180) < 1e-9) return "180°";
    if (Math.abs(l) < 1e-9) return "0°";
    return number(Math.abs(l), step) + "°" + (l > 0 ? "E" : "W");
  }

  static String latitude(double lat, double step) {
    if (Math.abs(lat) < 1e-9) return "0°";
    return number(Math.abs(lat), step) + "°" + (lat > 0 ? "N" : "S");
  }

  private static String number(double v, double step) {
    int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
