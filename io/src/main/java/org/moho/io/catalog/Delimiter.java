package org.moho.io.catalog;

/** How the fields of a catalogue line are separated; AUTO takes commas when the data has them. */
public enum Delimiter {
  AUTO,
  WHITESPACE,
  COMMA,
  TAB;

  String[] split(String line) {
    String s = line.strip();
    return switch (this) {
      case COMMA -> s.split("\\s*,\\s*", -1);
      case TAB -> s.split("\\t", -1);
      default -> s.split("\\s+");
    };
  }

  /** The delimiter of a file whose first data line is {@code firstData}. */
  Delimiter resolve(String firstData) {
    if (this != AUTO) return this;
    return firstData.contains(",") ? COMMA : WHITESPACE;
  }
}
