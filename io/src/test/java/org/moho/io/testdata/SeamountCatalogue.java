package org.moho.io.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;

/**
 * The bundled Wessel &amp; Lyons (1997) seamount list as Rows, read the plain way (tab-separated,
 * {@code #} comments; columns LON LAT VGG RADIUS CRUST_AGE, "NaN" = unknown age). Test-only: the
 * catalogue reader stage is someone else's.
 */
public final class SeamountCatalogue {
  public static final String[] COLUMNS = {"LON", "LAT", "VGG", "RADIUS", "CRUST_AGE"};

  private SeamountCatalogue() {}

  public static Path file() {
    return Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry/seamounts_WL97_north17.txt");
  }

  public static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(file());
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).trim();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\\s+");
      Map<String, Object> values = new LinkedHashMap<>();
      for (int c = 0; c < COLUMNS.length; c++) values.put(COLUMNS[c], Double.parseDouble(f[c]));
      rows.add(new Row(String.format("seamounts:%04d", n + 1), values));
    }
    return rows;
  }
}
