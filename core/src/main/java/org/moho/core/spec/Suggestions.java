package org.moho.core.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" hints: the candidates nearest to a misspelt name by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /** Up to {@code max} candidates within a distance that still looks like a typo, nearest first. */
  public static List<String> nearest(String name, Collection<String> candidates, int max) {
    int limit = Math.max(2, name.length() / 3);
    return candidates.stream()
        .filter(c -> distance(name, c) <= limit || c.startsWith(name) || name.startsWith(c)
            || (name.length() >= 4 && c.contains(name)))
        .sorted(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
        .limit(max)
        .toList();
  }

  /** " (did you mean 'x'?)", " (did you mean 'x' or 'y'?)" or "" when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    List<String> near = nearest(name, candidates, 3);
    if (near.isEmpty()) return "";
    StringBuilder b = new StringBuilder(" (did you mean ");
    for (int i = 0; i < near.size(); i++) {
      if (i > 0) b.append(i == near.size() - 1 ? " or " : ", ");
      b.append('\'').append(near.get(i)).append('\'');
    }
    return b.append("?)").toString();
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
