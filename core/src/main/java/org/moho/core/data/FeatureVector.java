package org.moho.core.data;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** A fixed-length vector of features for one record, with text metadata (station, time...). */
@DefaultCoder(SerializableCoder.class)
public record FeatureVector(String key, float[] values, Map<String, String> metadata) implements KeyedValues {
  public FeatureVector {
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
  }
}
