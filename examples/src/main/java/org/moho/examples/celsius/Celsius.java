package org.moho.examples.celsius;

import java.util.List;
import org.moho.core.data.Row;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * {@code example.celsius}: a custom stage written the way a Moho user writes one. It adds a
 * column with a temperature in °C to every row; a row whose temperature is missing or below
 * absolute zero goes to the stage's errors output with its reason, never silently away.
 */
public final class Celsius implements PerRecordStage<CelsiusConfig> {
  static final double ZERO_CELSIUS_IN_KELVIN = 273.15;

  @Override
  public String description() {
    return "Adds a column with the temperature in °C, converted from a column in kelvin. Rows with a missing or "
        + "negative temperature go to the errors output. (An example of a custom stage: see docs/extending.md.)";
  }

  @Override
  public Class<CelsiusConfig> configType() {
    return CelsiusConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: celsius
          use: example.celsius
          from: visc
          with: {column: T, into: T_C}
        """;
  }

  @Override
  public RecordFn<Row, Row> recordFn(CelsiusConfig config, StageContext ctx) {
    return new ToCelsius(config);
  }

  /** The per-record work: pure, serializable, and it says why a record is rejected. */
  private record ToCelsius(CelsiusConfig config) implements RecordFn<Row, Row> {
    @Override
    public void apply(Row row, java.util.function.Consumer<Row> out) throws RecordException {
      double kelvin = row.number(config.column());
      if (Double.isNaN(kelvin)) {
        throw new RecordException("no temperature in column '" + config.column() + "'", String.valueOf(row.get(config.column())));
      }
      if (kelvin < 0) throw new RecordException("temperature below absolute zero: " + kelvin + " K");
      out.accept(row.with(config.into(), kelvin - ZERO_CELSIUS_IN_KELVIN));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }
}
