package org.moho.io.seismo;

import edu.sc.seis.seisFile.sac.SacConstants;
import edu.sc.seis.seisFile.sac.SacHeader;
import edu.sc.seis.seisFile.sac.SacTimeSeries;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a SAC binary file (either byte order; seisFile detects it from the header version) into
 * one {@link Segment}. The first sample is at the reference time (nz*) plus B. Header floats are
 * read at the decimal precision they were written with ({@link Float#toString}), so a DELTA stored
 * as the float 0.025 gives exactly 40 Hz. Defined header values among the event, station and
 * timing fields become attributes (undefined = -12345 are left out).
 */
final class SacDecoder {
  /** Float header fields kept as attributes, by their SAC name. */
  private static final String[] FLOAT_ATTRIBUTES = {
      "evla", "evlo", "evdp", "mag", "stla", "stlo", "stel", "stdp", "o", "a", "b", "e", "dist", "az", "baz",
      "gcarc", "cmpaz", "cmpinc", "scale"};

  private SacDecoder() {}

  /** Whether the bytes look like SAC: a 632-byte header whose version (NVHDR) is 6 in either byte order. */
  static boolean looksLikeSac(byte[] b) {
    int p = 76 * 4;
    if (b.length < SacConstants.data_offset) return false;
    boolean be = b[p] == 0 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 6;
    boolean le = b[p] == 6 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 0;
    return be || le;
  }

  static FileContents decode(byte[] b) {
    if (!looksLikeSac(b)) return FileContents.failed(0, "not a SAC file: header version (NVHDR) is not 6");
    SacHeader h;
    try {
      h = new SacHeader(new DataInputStream(new ByteArrayInputStream(b)));
    } catch (IOException | RuntimeException e) {
      return FileContents.failed(0, "unreadable SAC header: " + e.getMessage());
    }
    if (h.getIftype() != SacConstants.ITIME) {
      return FileContents.failed(0, "SAC file is not a time series (IFTYPE " + h.getIftype() + ")");
    }
    if (h.getLeven() != SacConstants.TRUE) return FileContents.failed(0, "SAC file is unevenly sampled (LEVEN false)");
    int npts = h.getNpts();
    if (npts <= 0) return FileContents.failed(0, "SAC file holds " + npts + " samples");
    long needed = SacConstants.data_offset + 4L * npts;
    if (b.length < needed) {
      return FileContents.failed(0, "truncated SAC file: " + b.length + " bytes, NPTS " + npts + " needs " + needed);
    }
    double delta = exact(h.getDelta());
    String badRate = Segment.implausibleRate(1.0 / delta);
    if (badRate != null) return FileContents.failed(0, "SAC DELTA is " + h.getDelta() + " s: " + badRate);
    if (h.getNzyear() == SacConstants.INT_UNDEF || h.getNzjday() == SacConstants.INT_UNDEF) {
      return FileContents.failed(0, "SAC reference time (NZYEAR, NZJDAY) is undefined");
    }
    float[] y;
    try {
      y = SacTimeSeries.read(new DataInputStream(new ByteArrayInputStream(b))).getY();
    } catch (IOException | RuntimeException e) {
      return FileContents.failed(0, "unreadable SAC samples: " + e.getMessage());
    }
    ZonedDateTime reference;
    try {
      reference = referenceTime(h);
    } catch (java.time.DateTimeException e) {
      // a reference time field out of range (hour 25, day 400): found by SacFuzzTest
      return FileContents.failed(0, "SAC reference time (NZYEAR..NZMSEC) is invalid: " + e.getMessage());
    }
    double begin = h.getB() == SacConstants.FLOAT_UNDEF ? 0 : exact(h.getB());
    long start;
    try {
      // a year like 300000000 overflows microseconds since the epoch: found by SacFuzzTest
      if (!Double.isFinite(begin) || Math.abs(begin) > 1e12) throw new ArithmeticException("B = " + h.getB() + " s");
      start = Math.addExact(Times.micros(reference.toInstant()), Math.round(begin * 1e6));
    } catch (ArithmeticException e) {
      return FileContents.failed(0, "SAC start time (reference " + reference + ", B " + h.getB() + ") is out of range");
    }
    double[] samples = new double[y.length];
    for (int i = 0; i < y.length; i++) samples[i] = y[i];
    Segment s = new Segment(text(h.getKnetwk()), text(h.getKstnm()), text(h.getKhole()), text(h.getKcmpnm()),
        start, 1.0 / delta, samples, 0, attributes(h));
    return new FileContents(java.util.List.of(s), java.util.List.of());
  }

  /**
   * NZYEAR, NZJDAY, NZHOUR, NZMIN, NZSEC, NZMSEC as a UTC time, each field checked against its range.
   * seisFile's {@code getNzTime()} is not used: it adds NZJDAY − 1 days to 1 January, so day 0 or
   * day 400 silently moved the trace into another year, and it multiplies NZMSEC by 10^6 in an int,
   * so NZMSEC 4295 wrapped round to a valid-looking time (both found by SacFuzzTest).
   */
  static ZonedDateTime referenceTime(SacHeader h) {
    int year = h.getNzyear();
    if (year < Times.MIN_YEAR || year > Times.MAX_YEAR) {
      throw new java.time.DateTimeException("NZYEAR " + year + " is outside " + Times.MIN_YEAR + " to " + Times.MAX_YEAR);
    }
    int days = java.time.Year.of(year).length();
    if (h.getNzjday() < 1 || h.getNzjday() > days) {
      throw new java.time.DateTimeException("NZJDAY " + h.getNzjday() + " is outside 1 to " + days + " for " + year);
    }
    if (h.getNzmsec() < 0 || h.getNzmsec() > 999) {
      throw new java.time.DateTimeException("NZMSEC " + h.getNzmsec() + " is outside 0 to 999");
    }
    // hour, minute and second are checked by LocalTime.of, with the field named in its message
    return java.time.LocalDate.ofYearDay(year, h.getNzjday())
        .atTime(java.time.LocalTime.of(h.getNzhour(), h.getNzmin(), h.getNzsec(), h.getNzmsec() * 1_000_000))
        .atZone(java.time.ZoneOffset.UTC);
  }

  private static Map<String, String> attributes(SacHeader h) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("format", "sac");
    float[] values = {h.getEvla(), h.getEvlo(), h.getEvdp(), h.getMag(), h.getStla(), h.getStlo(), h.getStel(),
        h.getStdp(), h.getO(), h.getA(), h.getB(), h.getE(), h.getDist(), h.getAz(), h.getBaz(), h.getGcarc(),
        h.getCmpaz(), h.getCmpinc(), h.getScale()};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != SacConstants.FLOAT_UNDEF) a.put(FLOAT_ATTRIBUTES[i], Float.toString(values[i]));
    }
    String kevnm = text(h.getKevnm());
    if (!kevnm.isEmpty()) a.put("kevnm", kevnm);
    return a;
  }

  /** The decimal the float was written from: 0.025f is 0.025, not 0.02500000037252903. */
  static double exact(float f) {
    return Double.parseDouble(Float.toString(f));
  }

  private static String text(String s) {
    if (s == null) return "";
    String t = s.replace('\0', ' ').strip();
    return t.equals("-12345") ? "" : t;
  }
}
