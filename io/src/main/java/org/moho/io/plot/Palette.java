package org.moho.io.plot;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A continuous colour scale read from a GMT colour table (CPT) bundled under
 * {@code org/moho/io/plot/palettes/} (see the README there for where each came from). Colours are
 * interpolated linearly in RGB within each CPT slice, over the table's own z range mapped to 0..1.
 */
public enum Palette {
  /** Bill Haxby's geoid/gravity scheme from GMT: blue-green-yellow-red-white. */
  HAXBY("haxby", false),
  /** cmocean balance: perceptually uniform, diverging around zero (blue-white-red). */
  BALANCE("balance", true),
  /** cmocean deep: perceptually uniform, for depths. */
  DEEP("deep", false),
  /** matplotlib viridis: perceptually uniform sequential. */
  VIRIDIS("viridis", false);

  private final String file;
  private final boolean diverging;
  private volatile float[][] table; // rows of z0 r0 g0 b0 z1 r1 g1 b1, z normalised to 0..1

  Palette(String file, boolean diverging) {
    this.file = file;
    this.diverging = diverging;
  }

  /** True for a palette meant to be centred on zero (its default range is symmetric). */
  public boolean diverging() {
    return diverging;
  }

  /** The colour at {@code t} in 0..1 (clamped; NaN is the caller's business). */
  public Color at(double t) {
    float[][] rows = table();
    double u = Math.max(0, Math.min(1, t));
    int lo = 0;
    int hi = rows.length - 1;
    while (lo < hi) { // the last slice whose start is <= u
      int mid = (lo + hi + 1) >>> 1;
      if (rows[mid][0] <= u) lo = mid;
      else hi = mid - 1;
    }
    float[] s = rows[lo];
    double span = s[4] - s[0];
    double f = span > 0 ? Math.max(0, Math.min(1, (u - s[0]) / span)) : 0;
    return new Color(mix(s[1], s[5], f), mix(s[2], s[6], f), mix(s[3], s[7], f));
  }

  private static int mix(float a, float b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  private float[][] table() {
    float[][] t = table;
    if (t == null) {
      t = load("palettes/" + file + ".cpt");
      table = t;
    }
    return t;
  }

  private static float[][] load(String resource) {
    List<float[]> rows = new ArrayList<>();
    try (InputStream in = Palette.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing palette resource " + resource);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.trim();
        if (s.isEmpty() || s.startsWith("#") || Character.isLetter(s.charAt(0))) continue; // comments, B/F/N
        String[] f = s.split("\\s+");
        String[] c0 = f[1].split("/");
        String[] c1 = f[3].split("/");
        rows.add(new float[] {
            Float.parseFloat(f[0]), Float.parseFloat(c0[0]), Float.parseFloat(c0[1]), Float.parseFloat(c0[2]),
            Float.parseFloat(f[2]), Float.parseFloat(c1[0]), Float.parseFloat(c1[1]), Float.parseFloat(c1[2])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float z0 = rows.get(0)[0];
    float z1 = rows.get(rows.size() - 1)[4];
    for (float[] row : rows) {
      row[0] = (row[0] - z0) / (z1 - z0);
      row[4] = (row[4] - z0) / (z1 - z0);
    }
    return rows.toArray(float[][]::new);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
