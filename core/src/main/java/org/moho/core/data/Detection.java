package org.moho.core.data;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** A located detection (e.g. a seamount): longitude, latitude, score and attributes. */
@DefaultCoder(SerializableCoder.class)
public record Detection(String key, double lon, double lat, double score, Map<String, Object> attributes)
    implements Serializable {
  public Detection {
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }
}
