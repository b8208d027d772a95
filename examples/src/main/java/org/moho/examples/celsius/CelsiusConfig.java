package org.moho.examples.celsius;

import java.io.Serializable;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/**
 * The settings of {@code example.celsius}, one YAML key per component: {@code column} and
 * {@code into}. {@code @Default} makes a key optional; {@code @Doc} is what {@code moho stages}
 * shows. Serializable, because the stage's per-record function carries it to the workers.
 */
public record CelsiusConfig(
    @Doc("the column holding a temperature in kelvin") @Default("T") String column,
    @Doc("the new column for the temperature in °C") @Default("T_C") String into) implements Serializable {

  public CelsiusConfig {
    // Checked when the spec is validated, reported at the key's file:line:column.
    ConfigException.check(!column.isBlank(), "column", "must name a column");
    ConfigException.check(!into.isBlank(), "into", "must name a column");
  }
}
