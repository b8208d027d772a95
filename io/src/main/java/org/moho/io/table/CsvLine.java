package org.moho.io.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text into fields, RFC 4180 style: a field may be quoted with
 * {@code "}, a doubled quote inside a quoted field is a quote. A delimiter of {@code ' '} means
 * "runs of whitespace" (tab or space), as in catalogue files. Written here because Moho's rows
 * carry file:line keys and per-row errors, which a whole-file CSV library does not give.
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields, or throws IllegalArgumentException for an unclosed quote. */
  public static List<String> split(String line, char delimiter) {
    List<String> out = new ArrayList<>();
    if (delimiter == ' ') {
      for (String f : line.trim().split("[ \\t]+")) if (!f.isEmpty()) out.add(f);
      return out;
    }
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        out.add(wasQuoted ? f.toString() : f.toString().trim());
        f.setLength(0);
        wasQuoted = false;
      } else {
        f.append(c);
      }
    }
    if (quoted) throw new IllegalArgumentException("unclosed quote");
    out.add(wasQuoted ? f.toString() : f.toString().trim());
    return out;
  }

  /** One field for a CSV file: quoted when it holds the delimiter, a quote or a line break. */
  public static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
