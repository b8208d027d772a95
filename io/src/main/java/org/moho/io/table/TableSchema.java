package org.moho.io.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a table file as its header names them: name, unit (from {@code T (K)} or
 * {@code T [K]}, else empty) and type (declared, or inferred from the first rows).
 */
public record TableSchema(List<String> names, List<String> units, List<ColumnType> types) implements Serializable {
  static final double NUMERIC_SHARE = 0.95;

  private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*[\\[(]([^\\])]*)[\\])]\\s*$");

  /** Splits {@code "T (K)"} into name {@code T} and unit {@code K}. */
  static String[] nameAndUnit(String header) {
    Matcher m = UNIT.matcher(header.trim());
    if (m.matches() && !m.group(1).isBlank()) return new String[] {m.group(1).trim(), m.group(2).trim()};
    return new String[] {header.trim(), ""};
  }

  /**
   * The schema from a header and sample rows: a declared type wins; otherwise a column is FLOAT
   * when at least {@value #NUMERIC_SHARE} of its non-missing sampled values read as numbers, else
   * STRING. The share is below one so that a corrupt value in a numeric column (a word where a
   * temperature should be) is reported as an error row rather than turning the column into text.
   */
  static TableSchema infer(List<String> header, List<List<String>> sample, Map<String, ColumnType> declared,
      java.util.Set<String> missing) {
    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<ColumnType> types = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String[] nu = nameAndUnit(header.get(c));
      names.add(nu[0]);
      units.add(nu[1]);
      ColumnType t = declared.get(nu[0]);
      if (t == null) {
        int values = 0, numbers = 0;
        for (List<String> row : sample) {
          if (c >= row.size() || missing.contains(row.get(c))) continue;
          values++;
          if (ColumnType.infer(row.get(c)) == ColumnType.FLOAT) numbers++;
        }
        t = numbers > 0 && numbers >= NUMERIC_SHARE * values ? ColumnType.FLOAT : ColumnType.STRING;
      }
      types.add(t);
    }
    return new TableSchema(List.copyOf(names), List.copyOf(units), List.copyOf(types));
  }
}
