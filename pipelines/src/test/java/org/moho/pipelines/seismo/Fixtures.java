package org.moho.pipelines.seismo;

import edu.sc.seis.seisFile.sac.SacHeader;
import edu.sc.seis.seisFile.sac.SacTimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.moho.core.data.Waveform;

/**
 * Test inputs: the bundled SAC traces read with seisFile (independently of the numpy parser in
 * make_reference.py), and the SciPy reference files under {@code reference/}.
 */
final class Fixtures {
  private Fixtures() {}

  static Path repo() {
    return Path.of(System.getProperty("moho.repo"));
  }

  static Path seismogram(String name) {
    return repo().resolve("data/seismograms").resolve(name);
  }

  /** The SciPy values in {@code reference/NAME}, one number a line, gzip-compressed. */
  static double[] reference(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name)) {
      if (in == null) throw new IllegalStateException("missing reference/" + name);
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
      return r.lines().mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[][] referenceSos(String name) {
    double[] flat = reference(name);
    double[][] sos = new double[flat.length / 6][];
    for (int i = 0; i < sos.length; i++) sos[i] = Arrays.copyOfRange(flat, 6 * i, 6 * i + 6);
    return sos;
  }

  /** The first {@code n} samples of CRLZ.HHZ.10.NZ.SAC (100 Hz GeoNet), as make_reference.py reads them. */
  static double[] crlz(int n) {
    float[] y = sac("CRLZ.HHZ.10.NZ.SAC").getY();
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = y[i];
    return x;
  }

  static SacTimeSeries sac(String name) {
    try {
      return SacTimeSeries.read(seismogram(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A bundled SAC file as the seismo reader hands it on: first-sample time = reference time + b,
   * the rate from delta, and the set SAC headers as lower-case text attributes.
   */
  static Waveform waveform(String name) {
    SacTimeSeries sac = sac(name);
    SacHeader h = sac.getHeader();
    Instant reference = LocalDate.ofYearDay(h.getNzyear(), h.getNzjday()).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plusSeconds(h.getNzhour() * 3600L + h.getNzmin() * 60L + h.getNzsec()).plusMillis(h.getNzmsec());
    Instant start = reference.plusNanos(Math.round(h.getB() * 1e6) * 1000L);
    Map<String, String> attributes = new LinkedHashMap<>();
    putIfSet(attributes, "b", h.getB());
    putIfSet(attributes, "o", h.getO());
    putIfSet(attributes, "a", h.getA());
    putIfSet(attributes, "evla", h.getEvla());
    putIfSet(attributes, "evlo", h.getEvlo());
    putIfSet(attributes, "stla", h.getStla());
    putIfSet(attributes, "stlo", h.getStlo());
    float[] y = sac.getY();
    double[] samples = new double[y.length];
    for (int i = 0; i < y.length; i++) samples[i] = y[i];
    // SAC stores delta as float32 (0.01 is 0.0099999998, and II.TLY's 0.05 is written as 0.0500001609);
    // the helper snaps the rate to the nearest mHz, i.e. to the nominal 100 and 20 Hz
    double rate = Math.round(1.0 / h.getDelta() * 1e3) / 1e3;
    return new Waveform(h.getKnetwk().trim(), h.getKstnm().trim(), location(h.getKhole()), h.getKcmpnm().trim(),
        start, rate, samples, name, attributes);
  }

  private static String location(String khole) {
    String l = khole == null ? "" : khole.trim();
    return l.equals("-12345") ? "" : l;
  }

  private static void putIfSet(Map<String, String> m, String key, float v) {
    if (v != -12345f) m.put(key, Float.toString(v));
  }

  static double peak(double[] x) {
    double p = 0;
    for (double v : x) p = Math.max(p, Math.abs(v));
    return p;
  }

  static double maxAbsDiff(double[] a, double[] b) {
    if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }

  static double[] sine(int n, double fs, double freq, double amplitude) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = amplitude * Math.sin(2 * Math.PI * freq * i / fs);
    return x;
  }
}
