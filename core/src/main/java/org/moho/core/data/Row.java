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
    values = values instanceof HandedOver h ? Collections.unmodifiableMap(h.map)
        : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * A Row over {@code values} without copying them, for code that builds a fresh map per row and
   * drops it: the caller hands the map over and must not change it afterwards. The copy the
   * constructor otherwise makes was the largest Java cost of scoring batches on the DirectRunner
   * (JFR: a third of the samples in HashMap.putMapEntries and LinkedHashMap.newNode).
   */
  public static Row owning(String key, LinkedHashMap<String, Object> values) {
    return new Row(key, new HandedOver(values));
  }

  /** The marker through which {@link #owning} reaches the constructor; never stored in a Row. */
  private static final class HandedOver extends java.util.AbstractMap<String, Object> {
    private final LinkedHashMap<String, Object> map;

    HandedOver(LinkedHashMap<String, Object> map) {
      this.map = java.util.Objects.requireNonNull(map, "values");
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return map.entrySet();
    }
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
    return owning(key, copy);
  }
}
