package org.moho.io.table;

/** The type of a table column: text, floating point, integer or boolean. */
public enum ColumnType {
  STRING,
  FLOAT,
  INT,
  BOOL;

  /** The typed value of non-missing text, or throws NumberFormatException / IllegalArgumentException. */
  public Object parse(String text) {
    return switch (this) {
      case STRING -> text;
      case FLOAT -> Double.parseDouble(text);
      case INT -> Long.parseLong(text);
      case BOOL -> {
        if (text.equalsIgnoreCase("true")) yield Boolean.TRUE;
        if (text.equalsIgnoreCase("false")) yield Boolean.FALSE;
        throw new IllegalArgumentException("not true or false");
      }
    };
  }

  /**
   * FLOAT when {@code text} reads as a number, else STRING. Inference never picks INT: a column
   * whose first rows happen to hold whole numbers (0, 0, 0...) would then reject its first 0.56.
   * Declare INT in {@code types:} where it matters.
   */
  static ColumnType infer(String text) {
    try {
      Double.parseDouble(text);
      return FLOAT;
    } catch (NumberFormatException e) {
      return STRING;
    }
  }

}
