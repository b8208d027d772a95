package org.moho.core.stage;

import java.io.Serializable;
import java.util.function.Consumer;
import org.moho.core.data.ErrorRecord;

/**
 * Per-record logic of a stage: emits zero or more outputs, or throws {@link RecordException}
 * for a record it cannot handle. Wrapped by {@link WithErrors} so failures become error records.
 */
@FunctionalInterface
public interface RecordFn<I, O> extends Serializable {
  void apply(I input, Consumer<O> out) throws RecordException;

  /**
   * As {@link #apply(Object, Consumer)}, for a function that rejects parts of its input on their
   * own and goes on with the rest (one bad record of a batch): each part's error record goes to
   * {@code errors}. Runners call this one; by default it is {@link #apply(Object, Consumer)}.
   */
  default void apply(I input, Consumer<O> out, Consumer<ErrorRecord> errors) throws RecordException {
    apply(input, out);
  }

  /** The key named in error records; by default the record's text, shortened. */
  default String keyOf(I input) {
    String s = String.valueOf(input);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** Called once per worker before the first record (load a model, open a file). */
  default void setup() throws Exception {}
}
