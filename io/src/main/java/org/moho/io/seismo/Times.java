package org.moho.io.seismo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Microsecond time stamps, the precision of {@link org.moho.core.data.Waveform#start()}. */
final class Times {
  /** The years a time stamp may name: what ISO writes without a sign, far inside a long of microseconds. */
  static final int MIN_YEAR = 1;
  static final int MAX_YEAR = 9999;

  private Times() {}

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** An ISO local date-time without zone ("2010-05-27T16:24:03.679998"), read as UTC; a trailing Z is allowed. */
  static long parseUtc(String text) throws DateTimeParseException {
    String t = text.trim();
    if (t.endsWith("Z")) t = t.substring(0, t.length() - 1);
    LocalDateTime time = LocalDateTime.parse(t);
    // ISO admits "+300000-01-01T00:00", beyond microseconds since the epoch in a long: an
    // ArithmeticException escaped the SLIST decoder (found by SlistFuzzTest)
    if (time.getYear() < MIN_YEAR || time.getYear() > MAX_YEAR) {
      throw new DateTimeParseException("year " + time.getYear() + " is outside " + MIN_YEAR + " to " + MAX_YEAR, text, 0);
    }
    return micros(time.toInstant(ZoneOffset.UTC));
  }
}
