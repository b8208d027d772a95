package org.moho.pipelines.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code table.select}: filter rows by a condition, rename and keep columns. */
public final class TableSelect implements StageType<TableSelectConfig> {
  @Override
  public String description() {
    return "Keeps the rows for which `where` holds, renames columns (`rename`) and keeps a subset of them in a given "
        + "order (`keep`). Conditions compare columns with numbers or quoted text (`< <= > >= == !=`), combined with "
        + "`and`, `or`, `not` and parentheses; `COL is missing` tests for a missing value, and a comparison with a "
        + "missing value is false. Rows the condition rejects are counted (`filtered`), not lost. A row without a column "
        + "the condition or `keep` names goes to the errors output.";
  }

  @Override
  public Class<TableSelectConfig> configType() {
    return TableSelectConfig.class;
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
        - id: hot
          use: table.select
          from: visc
          with:
            where: "T > 1500 and sio2 >= 60"
            keep: [Name, sio2, na2o, T, viscosity]
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(TableSelectConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        return rows.apply("Select", WithErrors.of(ctx.stageId(), Row.class, new SelectFn(ctx.stageId(), config)));
      }
    };
  }

  private static final class SelectFn implements RecordFn<Row, Row> {
    private final TableSelectConfig config;
    private final RowFilter filter;
    private final Counter filtered;

    SelectFn(String stage, TableSelectConfig config) {
      this.config = config;
      this.filter = config.filter();
      this.filtered = Metrics.counter(stage, "filtered");
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }

    @Override
    public void apply(Row row, java.util.function.Consumer<Row> out) throws RecordException {
      if (filter != null && !filter.test(row)) {
        filtered.inc();
        return;
      }
      Map<String, Object> renamed = new LinkedHashMap<>();
      row.values().forEach((k, v) -> renamed.put(config.rename().getOrDefault(k, k), v));
      if (config.keep().isEmpty()) {
        out.accept(new Row(row.key(), renamed));
        return;
      }
      Map<String, Object> kept = new LinkedHashMap<>();
      for (String c : config.keep()) {
        if (!renamed.containsKey(c)) {
          throw new RecordException("no column '" + c + "' to keep (the row has " + String.join(", ", renamed.keySet()) + ")");
        }
        kept.put(c, renamed.get(c));
      }
      out.accept(new Row(row.key(), kept));
    }
  }
}
