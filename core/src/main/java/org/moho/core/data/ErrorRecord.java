package org.moho.core.data;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A record a stage could not handle: which stage, which record, why, and the offending value
 * when it is small. Every stage has an {@code errors} output of these, so nothing is dropped
 * silently.
 */
@DefaultCoder(SerializableCoder.class)
public record ErrorRecord(String stage, String key, String reason, String value) implements Serializable {
  /** Values longer than this are cut, so that one bad megabyte does not flood the errors file. */
  public static final int MAX_VALUE_CHARS = 200;

  public ErrorRecord {
    if (value != null && value.length() > MAX_VALUE_CHARS) {
      value = value.substring(0, MAX_VALUE_CHARS) + "…";
    }
  }

  public static ErrorRecord of(String stage, String key, String reason) {
    return new ErrorRecord(stage, key, reason, null);
  }
}
