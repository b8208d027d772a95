package org.moho.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** table.write's order of keys: digit runs compared as numbers, everything else as characters. */
class NaturalOrderTest {
  /** The first definition (a regex per digit run), kept as the reference the faster one must equal. */
  private static int reference(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i), cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i, sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        if (na.length() != nb.length()) return Integer.compare(na.length(), nb.length());
        int c = na.compareTo(nb);
        if (c != 0) return c;
      } else {
        if (ca != cb) return Character.compare(ca, cb);
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  @Test
  void lineNumbersSortAsNumbers() {
    List<String> keys = new ArrayList<>(List.of("f10.mseed:12", "f2.mseed:100", "f2.mseed:9", "f10.mseed:2", "f1.mseed:007", "f1.mseed:7a"));
    keys.sort(TableWrite::naturalCompare);
    assertEquals(List.of("f1.mseed:007", "f1.mseed:7a", "f2.mseed:9", "f2.mseed:100", "f10.mseed:2", "f10.mseed:12"), keys);
  }

  @Test
  void agreesWithTheReferenceOnRandomKeysWithLeadingZerosAndMixedRuns() {
    SplittableRandom r = new SplittableRandom(8);
    String alphabet = "0001239:._ab٣"; // zeros often, a separator, letters, an Arabic-Indic digit
    List<String> keys = new ArrayList<>();
    for (int t = 0; t < 3000; t++) {
      StringBuilder b = new StringBuilder();
      for (int n = r.nextInt(9); n > 0; n--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      keys.add(b.toString());
    }
    for (int t = 0; t < 200_000; t++) {
      String a = keys.get(r.nextInt(keys.size())), b = keys.get(r.nextInt(keys.size()));
      assertEquals(Integer.signum(reference(a, b)), Integer.signum(TableWrite.naturalCompare(a, b)), a + " vs " + b);
    }
    List<String> sorted = new ArrayList<>(keys), expected = new ArrayList<>(keys);
    sorted.sort(TableWrite::naturalCompare);
    expected.sort(NaturalOrderTest::reference);
    assertEquals(expected, sorted);
  }
}
