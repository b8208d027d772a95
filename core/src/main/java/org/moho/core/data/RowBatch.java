package org.moho.core.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Many {@link Row}s as one Beam element, what a stage that takes {@link RecordBatch}es emits
 * ({@code unbatch} splits it), stored by column: the keys, then columns of one value per row
 * ({@code double[]} for numbers, {@code String[]} for text), then each row's further values (a
 * scored record's tags; rows may share one map).
 *
 * <p>Why by column, as {@link RecordBatch}: the DirectRunner keeps a step's whole output in
 * memory until the next step takes it, and the collector copies every small object of it at each
 * young collection. A Row per scored record is a map, its nodes and two boxed doubles, about eight
 * objects; a batch of 1,000 by column is a handful. Rows are made only when asked for
 * ({@link #rows()}, {@link #row(int)}), equal to those the per-record stage emits. Arrays make
 * {@code equals} identity-based: compare {@link #rows()}.
 *
 * @param keys the rows' keys
 * @param columns the names of the stored columns, in column order
 * @param data per column a {@code double[]} or {@code String[]} of {@code keys.length} values
 * @param rest per row the values after the columns, in order; a name already among the columns is skipped
 */
@DefaultCoder(SerializableCoder.class)
public record RowBatch(String[] keys, List<String> columns, List<Object> data, List<Map<String, ?>> rest)
    implements Serializable {
  public RowBatch {
    columns = List.copyOf(columns);
    data = List.copyOf(data);
    rest = List.copyOf(rest);
    if (columns.size() != data.size()) throw new IllegalArgumentException(columns.size() + " column names for " + data.size() + " columns");
    for (int c = 0; c < data.size(); c++) {
      int n = data.get(c) instanceof double[] d ? d.length : data.get(c) instanceof String[] s ? s.length : -1;
      if (n < 0) throw new IllegalArgumentException("column " + columns.get(c) + " is neither double[] nor String[]");
      if (n != keys.length) throw new IllegalArgumentException("column " + columns.get(c) + " has " + n + " values for " + keys.length + " rows");
    }
    if (rest.size() != keys.length) throw new IllegalArgumentException(keys.length + " rows but " + rest.size() + " maps of further values");
  }

  /** Rows of any columns as a batch (each row's values kept as its further values). */
  public static RowBatch of(List<Row> rows) {
    String[] keys = new String[rows.size()];
    List<Map<String, ?>> rest = new ArrayList<>(rows.size());
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rows.get(i).key();
      rest.add(rows.get(i).values());
    }
    return new RowBatch(keys, List.of(), List.of(), rest);
  }

  public int size() {
    return keys.length;
  }

  /** Row {@code i}: the columns in order, then its further values. */
  public Row row(int i) {
    LinkedHashMap<String, Object> v = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      Object column = data.get(c);
      v.put(columns.get(c), column instanceof double[] d ? (Object) d[i] : ((String[]) column)[i]);
    }
    rest.get(i).forEach(v::putIfAbsent);
    return Row.owning(keys[i], v);
  }

  /** All rows, in order. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) out.add(row(i));
    return out;
  }
}
