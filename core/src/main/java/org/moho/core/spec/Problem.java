package org.moho.core.spec;

/** One thing wrong (or suspicious) in a spec, at a location. */
public record Problem(Severity severity, Location location, String message) implements Comparable<Problem> {
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(Location at, String message) {
    return new Problem(Severity.ERROR, at, message);
  }

  public static Problem warning(Location at, String message) {
    return new Problem(Severity.WARNING, at, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Problem o) {
    return location.compareTo(o.location);
  }

  @Override
  public String toString() {
    return location + ": " + (isError() ? "error: " : "warning: ") + message;
  }
}
