package org.moho.core.data;

import java.io.Serializable;

/**
 * A record that is one fixed-length vector of floats with a key: what a model reads.
 * {@link FeatureVector} and {@link Patch} are both; a stage port of this type accepts either
 * (the graph checks ports with {@code isAssignableFrom}).
 */
public interface KeyedValues extends Serializable {
  String key();

  float[] values();
}
