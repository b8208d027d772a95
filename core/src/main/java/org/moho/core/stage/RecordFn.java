package org.moho.core.stage;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Per-record logic of a stage: emits zero or more outputs, or throws {@link RecordException}
 * for a record it cannot handle. Wrapped by {@link WithErrors} so failures become error records.
 */
@FunctionalInterface
public interface RecordFn<I, O> extends Serializable {
  void apply(I input, Consumer<O> out) throws RecordException;

  /** The key named in error records; by default the record's text, shortened. */
  default String keyOf(I input) {
    String s = String.valueOf(input);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** Called once per worker before the first record (load a model, open a file). */
  default void setup() throws Exception {}
}
