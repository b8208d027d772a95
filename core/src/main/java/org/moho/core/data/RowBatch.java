package org.moho.core.data;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** Many {@link Row}s as one Beam element: what a stage that takes {@link RecordBatch}es emits; {@code unbatch} splits it. */
@DefaultCoder(SerializableCoder.class)
public record RowBatch(List<Row> rows) implements Serializable {
  public RowBatch {
    rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }
}
