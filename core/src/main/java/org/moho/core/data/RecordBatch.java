package org.moho.core.data;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Many records ({@link FeatureVector}s or {@link Patch}es) as one Beam element. A runner pays a
 * fixed cost for every element it moves between steps and for every bundle (the DirectRunner
 * some microseconds per element and step, BENCHMARKS.md "Speed"), more than scoring a small
 * record costs; carried in batches, records pay it once per batch. The records keep their own
 * types, keys and metadata; {@code batch} makes batches and stages that take them say so.
 */
@DefaultCoder(SerializableCoder.class)
public record RecordBatch(List<KeyedValues> records) implements Serializable {
  public RecordBatch {
    records = List.copyOf(records);
  }

  public int size() {
    return records.size();
  }
}
