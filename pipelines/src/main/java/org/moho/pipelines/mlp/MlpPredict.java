package org.moho.pipelines.mlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.mlp.MlpBundle;
import org.moho.models.mlp.NoiseCalibration;

/** {@code mlp.predict}: committee predictions for rows, in batches. */
public final class MlpPredict implements StageType<MlpPredictConfig> {
  @Override
  public String description() {
    return "Scores rows with a committee trained by mlp.train, in batches. Regression adds prediction (committee "
        + "mean) and prediction_sd (spread of the members; model disagreement only, no data noise); "
        + "classification adds prediction (the label of the highest mean probability) and probability. A row "
        + "missing a feature goes to errors.";
  }

  @Override public Class<MlpPredictConfig> configType() { return MlpPredictConfig.class; }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class), Port.optional("model", Row.class));
  }

  @Override public Class<?> output() { return Row.class; }

  @Override
  public String example() {
    return """
        - id: scored
          use: mlp.predict
          from: [rows, baseline]
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(MlpPredictConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        PCollectionView<Row> view = null;
        if (inputs.present(1)) view = inputs.<Row>get(1).apply("ModelView", View.asSingleton());
        else if (config.bundle() == null) {
          throw new IllegalArgumentException(ctx.stageId() + ": set with.bundle or connect the model port to mlp.train");
        }
        ParDo.SingleOutput<Row, Row> p = ParDo.of(new PredictFn(config.bundle() == null ? null : config.bundle().toString(), config.batchSize(), ctx.stageId(), view));
        if (view != null) p = p.withSideInputs(view);
        PCollectionTuple out = rows.apply("Predict",
            p.withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
        return out;
      }
    };
  }

  static final class PredictFn extends DoFn<Row, Row> {
    private final String configured;
    private final int batchSize;
    private final String stageId;
    private final PCollectionView<Row> view;
    private transient MlpBundle bundle;
    private transient List<Row> buffer;

    PredictFn(String configured, int batchSize, String stageId, PCollectionView<Row> view) {
      this.configured = configured;
      this.batchSize = batchSize;
      this.stageId = stageId;
      this.view = view;
    }

    @StartBundle
    public void start() {
      buffer = new ArrayList<>();
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      if (bundle == null) {
        Path p = view != null ? Path.of(String.valueOf(c.sideInput(view).get("bundle"))) : Path.of(configured);
        try {
          bundle = MlpBundle.load(p);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot load the mlp bundle " + p + ": " + e.getMessage(), e);
        }
      }
      Row r = c.element();
      for (String f : bundle.features()) {
        if (!Double.isFinite(r.number(f))) {
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, r.key(), "feature " + f + " is missing or not a number", null));
          return;
        }
      }
      buffer.add(r);
      if (buffer.size() >= batchSize) for (Row o : flush()) out.get(StageOutputs.<Row>main()).output(o);
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      if (buffer.isEmpty()) return;
      for (Row o : flush()) c.output(StageOutputs.<Row>main(), o, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
    }

    private List<Row> flush() {
      double[][] x = new double[buffer.size()][bundle.features().size()];
      for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) x[i][j] = buffer.get(i).number(bundle.features().get(j));
      List<Row> out = new ArrayList<>();
      if (bundle.classification()) {
        double[][][] p = bundle.committee().probabilities(x);
        for (int i = 0; i < x.length; i++) {
          double[] m = MlpTrain.mean(p, i);
          int k = MlpTrain.argmax(m);
          out.add(buffer.get(i).with("prediction", bundle.classLabels().get(k)).with("probability", m[k]));
        }
      } else {
        double[][] ms = NoiseCalibration.meanAndSpread(bundle.committee().predict(x));
        for (int i = 0; i < x.length; i++) out.add(buffer.get(i).with("prediction", ms[0][i]).with("prediction_sd", ms[1][i]));
      }
      buffer.clear();
      return out;
    }
  }
}
