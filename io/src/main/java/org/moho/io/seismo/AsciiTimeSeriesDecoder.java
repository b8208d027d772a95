package org.moho.io.seismo;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the ASCII time series ObsPy and IRIS write ({@code SLIST} and {@code TSPAIR}), one
 * {@link Segment} per {@code TIMESERIES} block. A block's header line is
 * {@code TIMESERIES NET_STA_LOC_CHA_Q, N samples, R sps, START, SLIST|TSPAIR, INTEGER|FLOAT[, UNITS]};
 * SLIST values follow several to a line, TSPAIR lines are "time value". A block whose header does
 * not parse or that holds fewer or more values than it announces is an error; the next block
 * still decodes. Offsets are 1-based line numbers of the block headers.
 */
final class AsciiTimeSeriesDecoder {
  static final String MAGIC = "TIMESERIES ";

  private AsciiTimeSeriesDecoder() {}

  static FileContents decode(String text) {
    List<Segment> segments = new ArrayList<>();
    List<DecodeError> errors = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    int i = 0;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      if (!lines[i].startsWith(MAGIC)) {
        int start = i;
        while (i < lines.length && !lines[i].startsWith(MAGIC)) i++;
        errors.add(new DecodeError(start + 1, (i - start) + " lines outside a TIMESERIES block"));
        continue;
      }
      int headerLine = i++;
      int end = i;
      while (end < lines.length && !lines[end].startsWith(MAGIC)) end++;
      try {
        segments.add(block(lines, headerLine, end));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        errors.add(new DecodeError(headerLine + 1, e.getMessage()));
      }
      i = end;
    }
    return new FileContents(segments, errors);
  }

  private static Segment block(String[] lines, int headerLine, int end) {
    String[] f = lines[headerLine].substring(MAGIC.length()).split(",", -1);
    if (f.length < 6) throw new IllegalArgumentException("TIMESERIES header has " + f.length + " fields, expected 6 or 7");
    String[] id = f[0].trim().split("_", -1);
    if (id.length != 5) throw new IllegalArgumentException("TIMESERIES id '" + f[0].trim() + "' is not NET_STA_LOC_CHA_Q");
    int npts = Integer.parseInt(strip(f[1], "samples"));
    double rate = Double.parseDouble(strip(f[2], "sps"));
    String badRate = Segment.implausibleRate(rate);
    if (badRate != null) throw new IllegalArgumentException(badRate);
    long start = Times.parseUtc(f[3]);
    String layout = f[4].trim();
    if (!layout.equals("SLIST") && !layout.equals("TSPAIR")) {
      throw new IllegalArgumentException("layout '" + layout + "' is neither SLIST nor TSPAIR");
    }
    // the count comes from the file: a negative one threw NegativeArraySizeException (found by
    // SlistFuzzTest) and a huge one would exhaust the heap, so the array is never larger than the
    // number of tokens the block's text can hold; a short block is reported below as before
    if (npts < 1) throw new IllegalArgumentException("header announces " + npts + " samples");
    long chars = 0;
    for (int i = headerLine + 1; i < end; i++) chars += lines[i].length() + 1;
    double[] samples = new double[(int) Math.min(npts, chars)];
    int n = 0;
    for (int i = headerLine + 1; i < end; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      String[] tokens = line.split("\\s+");
      if (layout.equals("TSPAIR")) {
        if (tokens.length != 2) throw new IllegalArgumentException("line " + (i + 1) + ": TSPAIR expects 'time value'");
        tokens = new String[] {tokens[1]};
      }
      for (String t : tokens) {
        if (n == npts) throw new IllegalArgumentException("block holds more than the " + npts + " samples its header announces");
        samples[n++] = Double.parseDouble(t);
      }
    }
    if (n != npts) throw new IllegalArgumentException("block holds " + n + " samples, its header announces " + npts);
    Map<String, String> a = new LinkedHashMap<>();
    a.put("format", layout.toLowerCase(java.util.Locale.ROOT));
    a.put("quality", id[4]);
    a.put("sample_type", f[5].trim());
    if (f.length > 6 && !f[6].isBlank()) a.put("units", f[6].trim());
    return new Segment(id[0], id[1], id[2], id[3], start, rate, samples, headerLine + 1, a);
  }

  private static String strip(String field, String unit) {
    String t = field.trim();
    if (!t.endsWith(unit)) throw new IllegalArgumentException("'" + t + "' does not end with '" + unit + "'");
    return t.substring(0, t.length() - unit.length()).trim();
  }
}
