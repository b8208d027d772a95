package org.moho.pipelines.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code table.log1p}: adds ln(1 + x) of numeric columns beside them. A network fed standardised
 * inputs sees a long-tailed column (seamount heights of 0–5,000 m, reconstruction errors) as a few
 * outliers and a crowded bulk; on a log scale products of features become sums, which a small
 * network or a linear model learns easily.
 */
public final class LogColumns implements StageType<LogColumnsConfig> {
  @Override
  public String description() {
    return "Adds, for each listed numeric column, a column PREFIX + name holding ln(1 + x) (Math.log1p), keeping the "
        + "original. A row whose listed column is missing, not a number, or at most -1 (no logarithm) goes to the "
        + "errors output with the value; every other row comes out once.";
  }

  @Override
  public Class<LogColumnsConfig> configType() {
    return LogColumnsConfig.class;
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
        - id: logs
          use: table.log1p
          from: candidates
          with: {columns: [height, e], prefix: log_}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(LogColumnsConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        return rows.apply("Log1p", WithErrors.of(ctx.stageId(), Row.class, new LogFn(config)));
      }
    };
  }

  /** ln(1 + x) of the configured columns; pure, so tested directly. */
  static final class LogFn implements RecordFn<Row, Row> {
    private final LogColumnsConfig config;

    LogFn(LogColumnsConfig config) {
      this.config = config;
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }

    @Override
    public void apply(Row row, java.util.function.Consumer<Row> out) throws RecordException {
      Map<String, Object> values = new LinkedHashMap<>(row.values());
      for (String c : config.columns()) {
        Object v = row.get(c);
        if (!(v instanceof Number n)) {
          throw new RecordException(v == null ? "no value in column '" + c + "'" : "column '" + c + "' is not a number", String.valueOf(v));
        }
        double x = n.doubleValue();
        if (!(x > -1)) throw new RecordException("column '" + c + "' is " + x + ": ln(1 + x) needs x > -1", String.valueOf(x));
        values.put(config.prefix() + c, Math.log1p(x));
      }
      out.accept(new Row(row.key(), values));
    }
  }
}
