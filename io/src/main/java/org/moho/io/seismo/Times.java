package org.moho.io.seismo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Microsecond time stamps, the precision of {@link org.moho.core.data.Waveform#start()}. */
final class Times {
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
    return micros(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
  }
}
