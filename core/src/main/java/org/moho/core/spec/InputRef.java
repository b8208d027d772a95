package org.moho.core.spec;

/** An upstream named in {@code from}: a stage's main output, or its errors ({@code ID.errors}). */
public record InputRef(String stage, boolean errors, Location location) {
  public static final String ERRORS_SUFFIX = ".errors";

  public static InputRef parse(String text, Location at) {
    if (text.endsWith(ERRORS_SUFFIX)) {
      return new InputRef(text.substring(0, text.length() - ERRORS_SUFFIX.length()), true, at);
    }
    return new InputRef(text, false, at);
  }

  @Override
  public String toString() {
    return errors ? stage + ERRORS_SUFFIX : stage;
  }
}
