package org.moho.pipelines.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;

/**
 * Test helper: the Wessel &amp; Lyons (1997) seamount list as table.read would give it with
 * {@code columns: [LON, LAT, VGG, RADIUS, CRUST_AGE]} (tab-separated, '#' comments).
 */
public final class Catalogue {
  private Catalogue() {}

  public static List<Row> seamounts() {
    Path p = Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry/seamounts_WL97_north17.txt");
    try {
      List<Row> rows = new ArrayList<>();
      List<String> lines = Files.readAllLines(p);
      for (int n = 0; n < lines.size(); n++) {
        String line = lines.get(n);
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.trim().split("\t");
        Map<String, Object> v = new LinkedHashMap<>();
        String[] names = {"LON", "LAT", "VGG", "RADIUS", "CRUST_AGE"};
        for (int i = 0; i < names.length; i++) v.put(names[i], f[i].equals("NaN") ? null : Double.parseDouble(f[i]));
        rows.add(new Row(p.getFileName() + ":" + (n + 1), v));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
