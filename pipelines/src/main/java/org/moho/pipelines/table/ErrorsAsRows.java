package org.moho.pipelines.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code errors.rows}: error records as table rows, to filter, count or write them like any table. */
public final class ErrorsAsRows implements StageType<ErrorsAsRows.Config> {
  /** No settings. */
  public record Config() implements java.io.Serializable {}

  @Override
  public String description() {
    return "Turns the error records of one or more stages (`from: [a.errors, b.errors]`) into rows with columns "
        + "stage, key, reason and value, so that they can be selected and written like any table.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.many("errors", ErrorRecord.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: problems
          use: errors.rows
          from: [visc.errors, hot.errors]
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<ErrorRecord> errors = in.get(0);
        return errors.apply("AsRows", WithErrors.of(ctx.stageId(), Row.class, (ErrorRecord e, java.util.function.Consumer<Row> out) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("stage", e.stage());
          v.put("key", e.key());
          v.put("reason", e.reason());
          v.put("value", e.value());
          out.accept(new Row(e.stage() + "/" + e.key(), v));
        }));
      }
    };
  }
}
