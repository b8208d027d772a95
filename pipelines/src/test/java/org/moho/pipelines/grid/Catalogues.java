package org.moho.pipelines.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;

/** Test helper: the tab-separated seamount catalogue (header lines start with '#') as Rows. */
final class Catalogues {
  private Catalogues() {}

  static final String[] COLUMNS = {"LON", "LAT", "VGG", "RADIUS", "CRUST_AGE"};

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).trim();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] p = line.split("\\s+");
      Map<String, Object> v = new LinkedHashMap<>();
      for (int c = 0; c < COLUMNS.length && c < p.length; c++) v.put(COLUMNS[c], Double.parseDouble(p[c]));
      rows.add(new Row(file.getFileName() + ":" + (n + 1), v));
    }
    return rows;
  }
}
