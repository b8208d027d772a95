package org.moho.core.spec;

import java.nio.file.Path;

/**
 * A declared param. {@code defaultValue} is already typed (null when the param is required);
 * {@code base} is the folder of the file that declared it, against which a path default resolves.
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String description, Location location, Path base) {
  public boolean required() {
    return defaultValue == null;
  }
}
