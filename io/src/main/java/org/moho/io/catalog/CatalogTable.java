package org.moho.io.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A point catalogue in text: whitespace-, tab- or comma-separated columns, {@code #} comment
 * lines, the column names taken from the last {@code #} line before the data that has one word per
 * column (GMT's habit, e.g. {@code #LON LAT VGG RADIUS CRUST_AGE}) or from a first line of words
 * (a CSV header), else {@code lon, lat, col3, ...}. Names are lower-cased; the columns named
 * lon/longitude/long/x and lat/latitude/y become {@code lon} and {@code lat} (else the first two
 * columns are). Each column has one type over the whole file: Long when every value is an
 * integer, Double when every value is a number, String otherwise; {@code NaN}, {@code NA} and
 * empty fields are missing values (null).
 *
 * <p>{@link #scan} makes a first pass for names and types; {@link #rows} a second pass that emits
 * each data line as typed values or as a {@link LineError}. Memory is one line at a time.
 */
final class CatalogTable {
  private static final Set<String> LON = Set.of("lon", "longitude", "long", "x");
  private static final Set<String> LAT = Set.of("lat", "latitude", "y");

  /** A data line that cannot be a row, with the reason. */
  record LineError(int line, String reason, String text) {}

  private final Path path;
  private final Delimiter delimiter;
  private final List<String> names;
  private final List<Class<?>> types;
  private final int lonIndex;
  private final int latIndex;
  private final int headerLine;

  private CatalogTable(Path path, Delimiter delimiter, List<String> names, List<Class<?>> types, int lonIndex, int latIndex, int headerLine) {
    this.path = path;
    this.delimiter = delimiter;
    this.names = names;
    this.types = types;
    this.lonIndex = lonIndex;
    this.latIndex = latIndex;
    this.headerLine = headerLine;
  }

  /** First pass: the delimiter, column names and types. {@code columns} overrides the names. */
  static CatalogTable scan(Path path, Delimiter delimiter, List<String> columns) throws IOException {
    String lastComment = null;
    List<String> header = null;
    int headerLine = 0;
    Delimiter d = delimiter;
    int width = -1;
    List<Class<?>> types = null;
    try (BufferedReader r = Files.newBufferedReader(path)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String s = line.strip();
        if (s.isEmpty()) continue;
        if (s.startsWith("#")) {
          if (width < 0) lastComment = s.substring(1);
          continue;
        }
        if (width < 0) {
          d = delimiter.resolve(s);
          String[] f = d.split(s);
          width = f.length;
          if (Arrays.stream(f).noneMatch(CatalogTable::isNumber)) {
            header = Arrays.asList(f); // a CSV-style header line
            headerLine = n;
            width = -1;
            continue;
          }
          if (header == null && lastComment != null) {
            String[] c = lastComment.strip().split(lastComment.contains(",") ? "\\s*,\\s*" : "\\s+");
            if (c.length == width && Arrays.stream(c).noneMatch(CatalogTable::isNumber)) header = Arrays.asList(c);
          }
          types = new ArrayList<>();
          for (int i = 0; i < width; i++) types.add(Long.class);
        }
        String[] f = d.split(s);
        if (f.length != width) continue; // reported as an error on the second pass
        for (int i = 0; i < width; i++) types.set(i, widen(types.get(i), f[i]));
      }
    }
    if (width < 0) throw new IOException("no data lines");
    List<String> names = new ArrayList<>();
    if (columns != null) {
      if (columns.size() != width) throw new IOException("columns names " + columns.size() + " columns but the data has " + width);
      names.addAll(columns);
    } else if (header != null && header.size() == width) {
      for (String h : header) names.add(h.strip().toLowerCase(Locale.ROOT));
    } else {
      for (int i = 0; i < width; i++) names.add(i == 0 ? "lon" : i == 1 ? "lat" : "col" + (i + 1));
    }
    int lon = indexOf(names, LON, 0);
    int lat = indexOf(names, LAT, lon == 1 ? 0 : 1);
    if (lon == lat) throw new IOException("cannot tell the longitude column from the latitude column in " + names);
    names.set(lon, "lon");
    names.set(lat, "lat");
    return new CatalogTable(path, d, List.copyOf(names), List.copyOf(types), lon, lat, headerLine);
  }

  private static int indexOf(List<String> names, Set<String> wanted, int otherwise) {
    for (int i = 0; i < names.size(); i++) {
      if (wanted.contains(names.get(i).toLowerCase(Locale.ROOT))) return i;
    }
    return otherwise;
  }

  /** Column names in output order: lon, lat, then the others as in the file. */
  List<String> columns() {
    List<String> out = new ArrayList<>(List.of("lon", "lat"));
    for (int i = 0; i < names.size(); i++) if (i != lonIndex && i != latIndex) out.add(names.get(i));
    return out;
  }

  Class<?> type(String column) {
    return types.get(names.indexOf(column));
  }

  /** Second pass: each data line's values (lon, lat first) to {@code rows}, or its error. */
  void rows(RowSink rows, Consumer<LineError> errors) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(path)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#") || n == headerLine) continue;
        String[] f = delimiter.split(s);
        if (f.length != names.size()) {
          errors.accept(new LineError(n, "expected " + names.size() + " fields (" + String.join(" ", names) + "), got " + f.length, line));
          continue;
        }
        Object lon = value(Double.class, f[lonIndex]);
        Object lat = value(Double.class, f[latIndex]);
        if (!(lon instanceof Double x) || !(lat instanceof Double y) || x.isNaN() || y.isNaN()) {
          errors.accept(new LineError(n, "longitude/latitude is not a number", line));
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lon", lon);
        values.put("lat", lat);
        for (int i = 0; i < names.size(); i++) {
          if (i != lonIndex && i != latIndex) values.put(names.get(i), value(types.get(i), f[i]));
        }
        rows.accept(n, (Double) lon, (Double) lat, values);
      }
    }
  }

  /** Receives one row: its line number, position and values. */
  @FunctionalInterface
  interface RowSink {
    void accept(int line, double lon, double lat, Map<String, Object> values);
  }

  private static boolean missing(String s) {
    return s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na");
  }

  private static boolean isNumber(String s) {
    if (missing(s)) return true;
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Class<?> widen(Class<?> t, String s) {
    if (missing(s) || t == String.class) return t;
    if (t == Long.class) {
      try {
        Long.parseLong(s);
        return Long.class;
      } catch (NumberFormatException e) {
        t = Double.class;
      }
    }
    return isNumber(s) ? Double.class : String.class;
  }

  private static Object value(Class<?> type, String s) {
    if (type == String.class) return s;
    if (missing(s)) return null;
    try {
      return type == Long.class ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
