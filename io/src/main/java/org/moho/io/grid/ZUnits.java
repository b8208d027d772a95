package org.moho.io.grid;

import java.util.Locale;

/** What to do with the units of a grid's values: keep them, or convert lengths to m or km. */
public enum ZUnits {
  KEEP,
  M,
  KM;

  /** Metres per unit of a length unit as netCDF files spell it, or NaN when it is not one. */
  static double metres(String units) {
    return switch (units.trim().toLowerCase(Locale.ROOT)) {
      case "m", "meter", "meters", "metre", "metres" -> 1;
      case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
      default -> Double.NaN;
    };
  }

  String symbol() {
    return this == KM ? "km" : "m";
  }
}
