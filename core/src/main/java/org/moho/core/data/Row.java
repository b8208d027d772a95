package org.moho.core.data;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * One row of a table: a key (e.g. {@code file:line}) and typed column values in column order.
 * Values are {@link String}, {@link Double}, {@link Long}, {@link Boolean} or {@code null} for a
 * missing value.
 */
@DefaultCoder(SerializableCoder.class)
public record Row(String key, Map<String, Object> values) implements Serializable {
  public Row {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Object get(String column) {
    return values.get(column);
  }

  public boolean has(String column) {
    return values.containsKey(column);
  }

  /** The numeric value of a column, or NaN when it is missing or not a number. */
  public double number(String column) {
    Object v = values.get(column);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public Row with(String column, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(column, value);
    return new Row(key, copy);
  }
}
