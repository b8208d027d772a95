package org.moho.core.stage;

/**
 * A record that cannot be processed, with the reason in words a user understands. A stage's
 * {@link RecordFn} turns it into an error record; it never stops the run.
 */
public class RecordException extends Exception {
  private final String value;

  public RecordException(String reason) {
    this(reason, null);
  }

  public RecordException(String reason, String value) {
    super(reason, null, false, false);
    this.value = value;
  }

  public String value() {
    return value;
  }
}
