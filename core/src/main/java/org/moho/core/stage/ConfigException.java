package org.moho.core.stage;

/**
 * A config value that is not allowed, naming the YAML key. Thrown from a config record's
 * compact constructor; the binder reports it at the key's file:line:column.
 */
public final class ConfigException extends IllegalArgumentException {
  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Throws when {@code ok} is false: {@code check(stride > 0, "stride", "must be > 0, got " + stride)}. */
  public static void check(boolean ok, String key, String message) {
    if (!ok) throw new ConfigException(key, message);
  }
}
