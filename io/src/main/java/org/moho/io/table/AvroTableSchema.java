package org.moho.io.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.moho.core.data.Row;

/**
 * The Avro record schema of a table, derived from the values its rows hold, for writing Parquet.
 *
 * <p>Per column, over every non-missing value: all {@link Long}/{@link Integer}/{@link Short}/{@link
 * Byte} → {@code long}; numbers with at least one {@link Double} or {@link Float} → {@code double};
 * all {@link Boolean} → {@code boolean}; anything else (text, mixed kinds, a column with no value
 * at all) → {@code string}. The integral test is on the Java type, not the value: table.read reads
 * {@code 50} in a float column as 50.0, and that column stays {@code double} as it does in CSV.
 * Every field is a union with {@code null} first, so a missing value is written as null.
 *
 * <p>Avro names allow only {@code [A-Za-z_][A-Za-z0-9_]*}: other characters become {@code _}, a
 * leading digit gets a {@code _} prefix, and clashes get {@code _2}, {@code _3}... The original
 * column name is kept in the field's doc and in the field property {@value #COLUMN_PROP}.
 */
public final class AvroTableSchema {
  /** The field property holding the column name as the rows spell it. */
  public static final String COLUMN_PROP = "moho.column";

  /** What a field holds. */
  enum Kind { LONG, DOUBLE, BOOLEAN, STRING }

  private final Schema schema;
  private final List<String> columns;
  private final List<Kind> kinds;

  private AvroTableSchema(Schema schema, List<String> columns, List<Kind> kinds) {
    this.schema = schema;
    this.columns = columns;
    this.kinds = kinds;
  }

  /** The schema of {@code columns} (in this order) over {@code rows}. */
  public static AvroTableSchema of(List<String> columns, Iterable<Row> rows) {
    int n = columns.size();
    boolean[] integral = new boolean[n], floating = new boolean[n], bool = new boolean[n], other = new boolean[n];
    for (Row r : rows) {
      for (int i = 0; i < n; i++) {
        Object v = r.get(columns.get(i));
        if (v == null) continue;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) integral[i] = true;
        else if (v instanceof Double || v instanceof Float) floating[i] = true;
        else if (v instanceof Boolean) bool[i] = true;
        else other[i] = true;
      }
    }
    List<Kind> kinds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean number = integral[i] || floating[i];
      if (other[i] || (number && bool[i])) kinds.add(Kind.STRING);
      else if (floating[i]) kinds.add(Kind.DOUBLE);
      else if (integral[i]) kinds.add(Kind.LONG);
      else if (bool[i]) kinds.add(Kind.BOOLEAN);
      else kinds.add(Kind.STRING);
    }
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Row").namespace("org.moho.table")
        .doc("rows written by Moho's table.write").fields();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String column = columns.get(i);
      String name = unique(avroName(column), used);
      SchemaBuilder.FieldBuilder<Schema> f = fields.name(name).doc(column).prop(COLUMN_PROP, column);
      fields = switch (kinds.get(i)) {
        case LONG -> f.type().optional().longType();
        case DOUBLE -> f.type().optional().doubleType();
        case BOOLEAN -> f.type().optional().booleanType();
        case STRING -> f.type().optional().stringType();
      };
    }
    return new AvroTableSchema(fields.endRecord(), List.copyOf(columns), List.copyOf(kinds));
  }

  public Schema schema() {
    return schema;
  }

  /** The value of column {@code i} of {@code row} as its field holds it (null when missing). */
  Object value(Row row, int i) {
    Object v = row.get(columns.get(i));
    if (v == null) return null;
    return switch (kinds.get(i)) {
      case LONG -> ((Number) v).longValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> v;
      case STRING -> v instanceof String s ? s : TableWrite.text(v);
    };
  }

  int size() {
    return columns.size();
  }

  /** {@code column} as a valid Avro name. */
  static String avroName(String column) {
    StringBuilder b = new StringBuilder(column.length() + 1);
    for (int k = 0; k < column.length(); k++) {
      char c = column.charAt(k);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
      b.append(ok ? c : '_');
    }
    if (b.isEmpty() || Character.isDigit(b.charAt(0))) b.insert(0, '_');
    return b.toString();
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int k = 2; !used.add(candidate); k++) candidate = name + "_" + k;
    return candidate;
  }
}
