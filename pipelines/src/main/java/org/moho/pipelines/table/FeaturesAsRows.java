package org.moho.pipelines.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code features.rows}: feature vectors as table rows, so that table stages can select and write them. */
public final class FeaturesAsRows implements StageType<FeaturesAsRows.Config> {
  /** The {@code with:} block: the column name prefix of the feature values and which metadata to keep. */
  public record Config(
      @Doc("column name prefix of the values: f0, f1, ... by default") @Default("f") String prefix,
      @Doc("metadata keys to copy into columns (before the values); empty = none") @Default("[]") List<String> metadata)
      implements java.io.Serializable {
    public Config {
      metadata = List.copyOf(metadata);
    }
  }

  @Override
  public String description() {
    return "Turns each feature vector or grid patch into one row keyed by its key: a column `key` (for a patch also "
        + "`lon` and `lat`), the listed metadata keys (a patch's attributes; missing ones empty), then one double column "
        + "per value named PREFIX0, PREFIX1, ... "
        + "One row out per vector in; nothing goes to errors.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("features", KeyedValues.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: table
          use: features.rows
          from: spectra
          with: {prefix: bin, metadata: [station, channel]}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String prefix = config.prefix();
    List<String> keys = config.metadata();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<KeyedValues> features = in.get(0);
        return features.apply("AsRows", WithErrors.of(ctx.stageId(), Row.class, (KeyedValues f, java.util.function.Consumer<Row> out) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("key", f.key());
          if (f instanceof Patch p) {
            v.put("lon", p.lon());
            v.put("lat", p.lat());
          }
          Map<String, String> meta = f instanceof FeatureVector fv ? fv.metadata() : ((Patch) f).attributes();
          for (String k : keys) v.put(k, meta.get(k));
          float[] x = f.values();
          for (int i = 0; i < x.length; i++) v.put(prefix + i, (double) x[i]);
          out.accept(new Row(f.key(), v));
        }));
      }
    };
  }
}
