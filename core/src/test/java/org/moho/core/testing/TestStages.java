package org.moho.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.data.Waveform;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageModule;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** Small stage types for testing the language and the compiler without any format code. */
public final class TestStages extends StageModule {
  @Override
  protected void configureStages() {
    stage("test.numbers", Numbers.class);
    stage("test.half", Half.class);
    stage("test.merge", Merge.class);
    stage("test.waves", Waves.class);
    stage("test.reasons", Reasons.class);
  }

  public enum Mode {
    FAST,
    EXACT_ONE
  }

  /** Config exercising every binder type. */
  public record NumbersConfig(
      @Doc("how many rows") int count,
      @Doc("first value") @Default("0") double start,
      @Doc("a label") @Default("n") String label,
      @Doc("mode") @Default("fast") Mode mode,
      @Doc("tags") @Default("[]") List<String> tags,
      @Doc("an optional path") @Default(Default.NONE) java.nio.file.Path file,
      @Doc("nested settings") @Default("{}") Nested nested,
      @Doc("extra columns") @Default("{}") Map<String, Double> extra) implements java.io.Serializable {
    public NumbersConfig {
      ConfigException.check(count >= 0, "count", "must be >= 0, got " + count);
    }
  }

  public record Nested(@Doc("a flag") @Default("false") boolean on, @Doc("a width") @Default("3") int width)
      implements java.io.Serializable {
    public Nested {
      ConfigException.check(width > 0, "width", "must be > 0, got " + width);
    }
  }

  /** A source of rows {n: start + i}. */
  public static final class Numbers implements StageType<NumbersConfig> {
    @Override
    public String description() {
      return "Emits rows {n: start+i}. For tests.";
    }

    @Override
    public Class<NumbersConfig> configType() {
      return NumbersConfig.class;
    }

    @Override
    public List<Port> inputs() {
      return List.of();
    }

    @Override
    public Class<?> output() {
      return Row.class;
    }

    @Override
    public PTransform<StageInputs, PCollectionTuple> create(NumbersConfig c, StageContext ctx) {
      return new PTransform<>() {
        @Override
        public PCollectionTuple expand(StageInputs in) {
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < c.count(); i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(c.label(), c.start() + i);
            rows.add(new Row("r" + i, v));
          }
          PCollection<Row> main = in.getPipeline().apply("Create", Create.of(rows).withCoder(WithErrors.coder(in.getPipeline(), Row.class)));
          PCollection<ErrorRecord> none = in.getPipeline().apply("None", Create.empty(WithErrors.coder(in.getPipeline(), ErrorRecord.class)));
          return StageOutputs.of(main, none);
        }
      };
    }
  }

  public record HalfConfig(@Doc("the column") @Default("n") String column) implements java.io.Serializable {}

  /** Halves a column; odd values are errors. A per-record stage, so the compiler fuses chains of it. */
  public static final class Half implements PerRecordStage<HalfConfig> {
    @Override
    public String description() {
      return "Halves even values; odd values are errors. For tests.";
    }

    @Override
    public Class<HalfConfig> configType() {
      return HalfConfig.class;
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
    public RecordFn<Row, Row> recordFn(HalfConfig c, StageContext ctx) {
      String col = c.column();
      return (Row r, java.util.function.Consumer<Row> out) -> {
        double v = r.number(col);
        if (v % 2 != 0) throw new RecordException("odd value " + v);
        out.accept(r.with(col, v / 2));
      };
    }
  }

  public record MergeConfig() implements java.io.Serializable {}

  /** Flattens its inputs: a port that takes many rows. */
  public static final class Merge implements StageType<MergeConfig> {
    @Override
    public String description() {
      return "Merges rows. For tests.";
    }

    @Override
    public Class<MergeConfig> configType() {
      return MergeConfig.class;
    }

    @Override
    public List<Port> inputs() {
      return List.of(Port.many("rows", Row.class));
    }

    @Override
    public Class<?> output() {
      return Row.class;
    }

    @Override
    public PTransform<StageInputs, PCollectionTuple> create(MergeConfig c, StageContext ctx) {
      return new PTransform<>() {
        @Override
        public PCollectionTuple expand(StageInputs in) {
          PCollection<Row> rows = in.get(0);
          PCollection<ErrorRecord> none = in.getPipeline().apply("None", Create.empty(WithErrors.coder(in.getPipeline(), ErrorRecord.class)));
          return StageOutputs.of(rows, none);
        }
      };
    }
  }

  public record WavesConfig() implements java.io.Serializable {}

  /** A source of waveforms (none), to test element-type checks. */
  public static final class Waves implements StageType<WavesConfig> {
    @Override
    public String description() {
      return "Emits no waveforms. For tests.";
    }

    @Override
    public Class<WavesConfig> configType() {
      return WavesConfig.class;
    }

    @Override
    public List<Port> inputs() {
      return List.of();
    }

    @Override
    public Class<?> output() {
      return Waveform.class;
    }

    @Override
    public PTransform<StageInputs, PCollectionTuple> create(WavesConfig c, StageContext ctx) {
      return new PTransform<>() {
        @Override
        public PCollectionTuple expand(StageInputs in) {
          PCollection<Waveform> main = in.getPipeline().apply("None", Create.empty(WithErrors.coder(in.getPipeline(), Waveform.class)));
          PCollection<ErrorRecord> none = in.getPipeline().apply("NoErrors", Create.empty(WithErrors.coder(in.getPipeline(), ErrorRecord.class)));
          return StageOutputs.of(main, none);
        }
      };
    }
  }

  public record ReasonsConfig() implements java.io.Serializable {}

  /** Turns error records into rows {stage, key, reason}: a consumer of ID.errors. */
  public static final class Reasons implements StageType<ReasonsConfig> {
    @Override
    public String description() {
      return "Error records as rows. For tests.";
    }

    @Override
    public Class<ReasonsConfig> configType() {
      return ReasonsConfig.class;
    }

    @Override
    public List<Port> inputs() {
      return List.of(Port.of("errors", ErrorRecord.class));
    }

    @Override
    public Class<?> output() {
      return Row.class;
    }

    @Override
    public PTransform<StageInputs, PCollectionTuple> create(ReasonsConfig c, StageContext ctx) {
      return new PTransform<>() {
        @Override
        public PCollectionTuple expand(StageInputs in) {
          PCollection<ErrorRecord> errors = in.get(0);
          return errors.apply("Rows", WithErrors.of(ctx.stageId(), Row.class, (ErrorRecord e, java.util.function.Consumer<Row> out) ->
              out.accept(new Row(e.key(), Map.of("stage", e.stage(), "reason", e.reason())))));
        }
      };
    }
  }
}
