package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.bundle.ModelBundle;
import org.moho.models.bundle.ModelInfo;

/**
 * {@code threshold}: labels scored rows as anomalous ({@code label = score > threshold}) with a
 * threshold that is given, taken from the training errors of a model bundle, or chosen on a
 * labelled set for a target false- or true-positive rate.
 */
public final class ApplyThreshold implements StageType<ApplyThreshold.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("absolute, percentile (of the bundle's training errors), target-fpr or target-tpr (on a labelled set)")
      @Default("percentile") ThresholdMode mode,
      @Doc("the threshold (absolute), the percentile 0-100 (percentile), or the target rate 0-1") double value,
      @Doc("score column compared: mse or e (percentile mode), any numeric column otherwise") @Default("mse") String column,
      @Doc("percentile mode: bundle folder, when no train stage feeds the reference port") @Default(Default.NONE) Path model,
      @Doc("target modes: boolean (or 0/1) column of the labelled set, true = anomalous") @Default("truth") String truth) {
    public Config {
      switch (mode) {
        case PERCENTILE -> {
          ConfigException.check(value >= 0 && value <= 100, "value", "must be a percentile in [0, 100], got " + value);
          ConfigException.check(column.equals("mse") || column.equals("e"), "column",
              "must be mse or e in percentile mode (the bundle stores training MSE), got " + column);
        }
        case TARGET_FPR, TARGET_TPR -> ConfigException.check(value >= 0 && value <= 1, "value",
            "must be a rate in [0, 1], got " + value);
        case ABSOLUTE -> ConfigException.check(Double.isFinite(value), "value", "must be finite, got " + value);
      }
    }
  }

  @Override
  public String description() {
    return "Adds `label` (true = anomalous, score > threshold) and `threshold` columns to scored Rows. The threshold is"
        + " `value` (absolute); the `value`-th percentile of the training-split MSE stored in the bundle's model.json"
        + " (percentile; scaled by input_size/2 for column e), with the bundle from the `reference` port (a train"
        + " stage's Row) or the `model` key; or chosen on the labelled Rows of the `reference` port (target-fpr: the"
        + " lowest threshold whose false-positive rate is at most `value`; target-tpr: the highest whose true-positive"
        + " rate is at least `value`). A row without a numeric `column` goes to the errors output.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("scores", Row.class), Port.optional("reference", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: flagged
          use: threshold
          from: [scores, model]
          with: {mode: percentile, value: 99}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String stageId = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> scores = inputs.get(0);
        PCollectionView<Double> threshold = threshold(inputs, config).apply("ThresholdView", View.asSingleton());
        PCollectionTuple out = scores.apply("Label", ParDo.of(new LabelFn(stageId, config.column(), threshold))
            .withSideInputs(threshold)
            .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(scores, Row.class));
        return out;
      }
    };
  }

  private static PCollection<Double> threshold(StageInputs inputs, Config config) {
    boolean reference = inputs.present(1);
    switch (config.mode()) {
      case ABSOLUTE:
        return inputs.getPipeline().apply("Threshold", Create.of(config.value()).withCoder(DoubleCoder.of()));
      case PERCENTILE: {
        if (reference == (config.model() != null)) {
          throw new ConfigException("model", reference
              ? "give the model either through the reference port or the 'model' key, not both"
              : "percentile mode needs a model: connect a train stage to the reference port or set 'model'");
        }
        PCollection<String> path = reference
            ? inputs.<Row>get(1).apply("ModelPath", MapElements.into(TypeDescriptors.strings()).via(r -> ModelRef.path(r).toString()))
            : inputs.getPipeline().apply("ModelPath", Create.of(config.model().toString()));
        double p = config.value();
        boolean e = config.column().equals("e");
        return path.apply("Threshold", MapElements.into(TypeDescriptors.doubles()).via((String dir) -> {
          ModelInfo info = ModelBundle.readInfo(Path.of(dir));
          return info.errorAtPercentile(p) * (e ? info.inputSize() / 2.0 : 1.0);
        }));
      }
      default: {
        if (!reference) {
          throw new ConfigException("mode", config.mode().name().toLowerCase().replace('_', '-')
              + " needs labelled scored Rows on the reference port");
        }
        return inputs.<Row>get(1).apply("Threshold", Combine.globally(new ChooseOnLabelled(config)).withoutDefaults());
      }
    }
  }

  /** Gathers (score, truth) pairs of the labelled set and picks the threshold. */
  static final class ChooseOnLabelled extends Combine.CombineFn<Row, ArrayList<double[]>, Double> {
    private final ThresholdMode mode;
    private final double value;
    private final String column;
    private final String truth;

    ChooseOnLabelled(Config config) {
      this.mode = config.mode();
      this.value = config.value();
      this.column = config.column();
      this.truth = config.truth();
    }

    @Override
    public ArrayList<double[]> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<double[]> addInput(ArrayList<double[]> acc, Row r) {
      double s = r.number(column);
      Object t = r.get(truth);
      double positive = t instanceof Boolean b ? (b ? 1 : 0) : r.number(truth);
      if (Double.isNaN(s) || !(positive == 0 || positive == 1)) {
        throw new IllegalArgumentException("labelled row " + r.key() + " needs a numeric '" + column
            + "' and a boolean or 0/1 '" + truth + "', got " + r.values());
      }
      acc.add(new double[] {s, positive});
      return acc;
    }

    @Override
    public ArrayList<double[]> mergeAccumulators(Iterable<ArrayList<double[]>> accs) {
      ArrayList<double[]> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public Double extractOutput(ArrayList<double[]> acc) {
      List<Double> pos = new ArrayList<>();
      List<Double> neg = new ArrayList<>();
      for (double[] a : acc) (a[1] == 1 ? pos : neg).add(a[0]);
      return mode == ThresholdMode.TARGET_FPR
          ? ThresholdRule.forFalsePositiveRate(neg, value)
          : ThresholdRule.forTruePositiveRate(pos, value);
    }
  }

  static final class LabelFn extends DoFn<Row, Row> {
    private final String stageId;
    private final String column;
    private final PCollectionView<Double> threshold;

    LabelFn(String stageId, String column, PCollectionView<Double> threshold) {
      this.stageId = stageId;
      this.column = column;
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Row r = c.element();
      double s = r.number(column);
      if (Double.isNaN(s)) {
        c.output(StageOutputs.ERRORS, ErrorRecord.of(stageId, r.key(), "no numeric '" + column + "' column to threshold"));
        return;
      }
      double t = c.sideInput(threshold);
      c.output(r.with("threshold", t).with("label", s > t));
    }
  }

}
