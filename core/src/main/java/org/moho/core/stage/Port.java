package org.moho.core.stage;

/**
 * A named input of a stage and the element type it accepts. A port that takes {@code many}
 * accepts any number (at least one) of upstreams of that type, flattened.
 */
public record Port(String name, Class<?> type, boolean many, boolean optional) {
  public static Port of(String name, Class<?> type) {
    return new Port(name, type, false, false);
  }

  public static Port many(String name, Class<?> type) {
    return new Port(name, type, true, false);
  }

  public static Port optional(String name, Class<?> type) {
    return new Port(name, type, false, true);
  }
}
