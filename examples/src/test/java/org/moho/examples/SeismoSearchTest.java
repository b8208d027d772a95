package org.moho.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/pipelines/seismo-search.yaml, run as a user runs it, on a small collection that holds the
 * query trace (II.TLY BHZ, 20 Hz, 12,684 samples) and NZ.CRLZ HHZ, with a 2-epoch model. The query
 * windows start every 2048 samples: 0, 2048, ..., 10240 (six whole 512-sample windows, as
 * seismo.windows cuts them). Each must find itself first, at distance 0 (query and collection are
 * cut, scaled and encoded alike), then four other windows at clearly larger distances, nearest first.
 */
class SeismoSearchTest {
  @TempDir Path out;

  @Test
  void eachQueryWindowFindsItselfFirstThenOtherWindows() throws Exception {
    Path data = MohoRuns.REPO.resolve("data/seismograms");
    MohoRuns.Result r = MohoRuns.moho("run", MohoRuns.REPO.resolve("examples/pipelines/seismo-search.yaml").toString(),
        "-p", "epochs=2", "-p", "collection=" + data + "/{II.TLY.BHZ.SAC,CRLZ.HHZ.10.NZ.SAC}", "--out", out.toString());
    assertEquals(0, r.code(), r.err() + r.out());

    List<String> lines = Files.readAllLines(out.resolve("similar_windows.csv"));
    assertEquals("query,rank,neighbour,distance", lines.get(0));
    Map<String, List<String[]>> byQuery = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      byQuery.computeIfAbsent(f[0], q -> new ArrayList<>()).add(f);
    }
    assertEquals(6, byQuery.size(), byQuery.keySet().toString());
    // TLY starts 05:47:30.0334 (SAC header); 2048 samples at 20 Hz = 102.4 s later per window
    assertTrue(byQuery.containsKey("II.TLY.00.BHZ@2011-03-11T05:47:30.033400Z"), byQuery.keySet().toString());
    assertTrue(byQuery.containsKey("II.TLY.00.BHZ@2011-03-11T05:49:12.433728Z"), byQuery.keySet().toString());
    for (Map.Entry<String, List<String[]>> q : byQuery.entrySet()) {
      List<String[]> ranks = q.getValue();
      assertEquals(5, ranks.size(), q.getKey());
      assertEquals("1", ranks.get(0)[1]);
      assertEquals(q.getKey(), ranks.get(0)[2], "nearest to " + q.getKey());
      assertTrue(Double.parseDouble(ranks.get(0)[3]) < 1e-4, "self distance " + ranks.get(0)[3]);
      double previous = 0;
      for (String[] f : ranks.subList(1, ranks.size())) {
        double d = Double.parseDouble(f[3]);
        assertTrue(d > 1e-2 && d >= previous, q.getKey() + " rank " + f[1] + " at " + d);
        assertTrue(!f[2].equals(q.getKey()), "a window listed twice for " + q.getKey());
        previous = d;
      }
    }
  }
}
