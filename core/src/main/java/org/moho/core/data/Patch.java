package org.moho.core.data;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A square {@code size x size} patch cut from a grid around ({@code lon}, {@code lat}); values
 * row-major from the south-west corner. {@code attributes} carries e.g. the scaling applied.
 */
@DefaultCoder(SerializableCoder.class)
public record Patch(String key, double lon, double lat, int size, float[] values, Map<String, String> attributes)
    implements KeyedValues {
  public Patch {
    if (values.length != size * size) {
      throw new IllegalArgumentException("patch of size " + size + " has " + values.length + " values");
    }
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }
}
