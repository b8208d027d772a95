package org.moho.pipelines.glass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;

/** Test helper standing in for the table reader: the GP-visc CSV files as Rows. */
public final class GlassCompositionTestRows {
  private GlassCompositionTestRows() {}

  /** A small CSV reader for the test (quoted fields may hold commas); numbers become Doubles. */
  public static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = split(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      List<String> f = split(lines.get(n));
      Map<String, Object> v = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String s = c < f.size() ? f.get(c) : "";
        Object value;
        try {
          value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          value = s;
        }
        v.put(header.get(c), value);
      }
      rows.add(new Row(file.getFileName() + ":" + (n + 1), v));
    }
    return rows;
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) {
        out.add(b.toString());
        b.setLength(0);
      } else b.append(ch);
    }
    out.add(b.toString());
    return out;
  }
}
