package org.moho.io.plot;

import java.util.ArrayList;
import java.util.List;

/** Tick positions at 1, 2 or 5 times a power of ten, as a person would place them by hand. */
final class NiceTicks {
  private NiceTicks() {}

  /** The step giving about {@code target} intervals over {@code lo..hi}. */
  static double step(double lo, double hi, int target) {
    double raw = Math.abs(hi - lo) / Math.max(1, target);
    if (!(raw > 0)) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    double nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
    return nice * p;
  }

  /** The multiples of {@code step} inside {@code lo..hi} (inclusive, with a little rounding slack). */
  static List<Double> within(double lo, double hi, double step) {
    List<Double> ticks = new ArrayList<>();
    double eps = step * 1e-9;
    for (long k = (long) Math.ceil((lo - eps) / step); k * step <= hi + eps; k++) {
      double v = k * step;
      ticks.add(Math.abs(v) < eps ? 0.0 : v);
    }
    return ticks;
  }

  /** A label without float noise: 0.30000000000000004 → "0.3", 2000.0 → "2000", -0.0 → "0". */
  static String label(double v, double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    if (s.matches("-0(\\.0*)?")) s = s.substring(1);
    return s.replace('-', '\u2212'); // a real minus sign, as typeset figures use
  }
}
