package org.moho.core.stage;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Every element of a collection under one key, so that one worker sees them all: the step before
 * anything that must hold the whole collection at once (one output file, one figure, one grid, a
 * training set). It is a deliberate bottleneck; stages that use it say so in their description.
 *
 * <p>The key names what is gathered (usually the output path), so that it reads well in logs and
 * in the runner's UI. An empty input gives an empty output (no group), not an empty group.
 */
public final class GatherAll<T> extends PTransform<PCollection<T>, PCollection<KV<String, Iterable<T>>>> {
  private final String key;
  private final Coder<T> coder;

  private GatherAll(String key, Coder<T> coder) {
    this.key = key;
    this.coder = coder;
  }

  /** Gathers the elements, encoded with {@code coder}, under {@code key}. */
  public static <T> GatherAll<T> under(String key, Coder<T> coder) {
    return new GatherAll<>(key, coder);
  }

  @Override
  public PCollection<KV<String, Iterable<T>>> expand(PCollection<T> input) {
    return input
        .apply("OneKey", WithKeys.<String, T>of(key).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), coder))
        .apply("Gather", Gather.byKey());
  }
}
