package org.moho.testing.plugin;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code plugin.count}: a stage type that lives outside Moho's modules and reaches it only
 * through ServiceLoader, proving that a jar on the classpath adds stage types.
 */
public final class CountRows implements StageType<CountRows.Config> {
  /** Settings. */
  public record Config(@Doc("the name of the count column") @Default("rows") String column) implements java.io.Serializable {}

  @Override
  public String description() {
    return "Counts its rows into one row {column: count}. Contributed by a plugin jar.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
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
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String column = config.column();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        PCollection<Row> count = rows.apply("Count", Count.globally())
            .apply("AsRow", MapElements.into(TypeDescriptor.of(Row.class)).via(n -> new Row("count", Map.of(column, n))))
            .setCoder(WithErrors.coder(rows, Row.class));
        PCollection<ErrorRecord> none = in.getPipeline().apply("NoErrors", Create.empty(WithErrors.coder(rows, ErrorRecord.class)));
        return StageOutputs.of(count, none);
      }
    };
  }
}
