package org.moho.core.stage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a config key takes when {@code with:} omits it, written as YAML ({@code "32"},
 * {@code "[1024, 256]"}, {@code "csv"}). A key without {@code @Default} is required.
 * {@link #NONE} makes a key optional with no value (null).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  String NONE = "\u0000none";

  String value();
}
