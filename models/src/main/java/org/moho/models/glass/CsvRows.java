package org.moho.models.glass;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;

/**
 * Reads a comma-separated table with a header into {@link Row}s (numbers as Double, other cells
 * as String, empty cells null). Handles RFC 4180 quoting, which the GP-visc names need
 * ({@code "staffmnkmcph_50_0_…_12,5_37,5"}). It exists so that the benchmark main class and the
 * tests can read the bundled CSVs without a pipeline; pipelines read tables with io's stages.
 * Quoted fields spanning lines are not supported (the bundled files have none).
 */
public final class CsvRows {
  private CsvRows() {}

  public static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = split(in.readLine());
      String line;
      int n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        List<String> cells = split(line);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) values.put(header.get(i), i < cells.size() ? value(cells.get(i)) : null);
        rows.add(new Row(file.getFileName() + ":" + n, values));
      }
    }
    return rows;
  }

  private static Object value(String cell) {
    if (cell.isEmpty()) return null;
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return cell;
    }
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') quoted = false;
        else cur.append(ch);
      } else if (ch == '"') quoted = true;
      else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(ch);
    }
    out.add(cur.toString());
    return out;
  }
}
