package org.moho.io.seismo;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a waveform table like GMT's {@code waveform_AV.DOL.txt}: {@code #} comment lines, then
 * rows of an ISO time (UTC) and one value per component, separated by tabs or spaces. Each
 * component becomes one {@link Segment}; its channel name is the column's name in the last comment
 * line before the data ("time(UTC) E N Z"), or C1, C2... without one. Network and station come
 * from a comment "station NET.STA" (with "at LAT[N|S], LON[E|W]" giving stla and stlo), else the
 * station is the file's name. The sample rate comes from the time column, which must be evenly
 * spaced to within half a sample; a table that is not is one error.
 */
final class WaveformTableDecoder {
  private static final Pattern STATION = Pattern.compile(
      "station\\s+([A-Za-z0-9]+)\\.([A-Za-z0-9]+)(?:\\s+at\\s+([0-9.]+)\\s*([NS]),\\s*([0-9.]+)\\s*([EW]))?");
  private static final Pattern ISO_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

  private WaveformTableDecoder() {}

  /** Whether the first line that is not blank or a comment starts with an ISO date-time. */
  static boolean looksLikeTable(String text) {
    for (String line : text.split("\r?\n", 200)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      return ISO_TIME.matcher(t).matches() && t.split("\\s+").length >= 2;
    }
    return false;
  }

  static FileContents decode(String text, String fileName) {
    String network = "";
    String station = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("format", "text");
    String[] names = null;
    List<Long> times = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.isEmpty()) continue;
      if (t.startsWith("#")) {
        String c = t.substring(1).strip();
        Matcher m = STATION.matcher(c);
        if (rows.isEmpty() && m.find()) {
          network = m.group(1);
          station = m.group(2);
          if (m.group(3) != null) {
            attributes.put("stla", signed(m.group(3), m.group(4).equals("S")));
            attributes.put("stlo", signed(m.group(5), m.group(6).equals("W")));
          }
        } else if (rows.isEmpty() && c.toLowerCase(java.util.Locale.ROOT).startsWith("time")) {
          String[] h = c.split("\\s+");
          names = java.util.Arrays.copyOfRange(h, 1, h.length);
        } else if (rows.isEmpty() && !attributes.containsKey("comment")) {
          attributes.put("comment", c);
        }
        continue;
      }
      String[] tokens = t.split("\\s+");
      try {
        if (tokens.length < 2) {
          return FileContents.failed(i + 1, "line " + (i + 1) + " holds a time and no values");
        }
        if (names == null) {
          names = new String[tokens.length - 1];
          for (int k = 0; k < names.length; k++) names[k] = "C" + (k + 1);
        }
        if (tokens.length != names.length + 1) {
          return FileContents.failed(i + 1, "line " + (i + 1) + " has " + (tokens.length - 1) + " values, expected " + names.length);
        }
        times.add(Times.parseUtc(tokens[0]));
        double[] row = new double[names.length];
        for (int k = 0; k < row.length; k++) row[k] = Double.parseDouble(tokens[k + 1]);
        rows.add(row);
      } catch (DateTimeParseException | NumberFormatException e) {
        return FileContents.failed(i + 1, "line " + (i + 1) + " is not 'time value...': " + e.getMessage());
      }
    }
    if (names == null || names.length == 0) return FileContents.failed(0, "table holds no columns of values");
    if (rows.size() < 2) return FileContents.failed(0, "table holds " + rows.size() + " rows; a sample rate needs two");
    double period = (double) (times.get(times.size() - 1) - times.get(0)) / (times.size() - 1);
    if (!(period > 0)) return FileContents.failed(0, "time column does not increase");
    for (int r = 0; r < times.size(); r++) {
      if (Math.abs(times.get(r) - (times.get(0) + r * period)) > period / 2) {
        return FileContents.failed(0, "time column is not evenly spaced (row " + (r + 1) + " is off by more than half a sample)");
      }
    }
    double rate = 1e6 / period;
    double rounded = Math.rint(rate * 1e6) / 1e6; // microsecond time stamps: 50.0000001 Hz is 50 Hz
    String badRate = Segment.implausibleRate(rounded);
    if (badRate != null) return FileContents.failed(0, "time column gives a " + badRate);
    List<Segment> segments = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      double[] samples = new double[rows.size()];
      for (int r = 0; r < samples.length; r++) samples[r] = rows.get(r)[k];
      segments.add(new Segment(network, station, "", names[k], times.get(0), rounded, samples, 0, attributes));
    }
    return new FileContents(segments, List.of());
  }

  private static String signed(String degrees, boolean negative) {
    return negative ? "-" + degrees : degrees;
  }
}
