package org.moho.pipelines.mlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.models.mlp.MlpBundle;
import org.moho.models.mlp.NoiseCalibration;
import org.moho.pipelines.supervised.BatchedPredictFn;
import org.moho.pipelines.supervised.ModelSource;
import org.moho.pipelines.supervised.PredictInBatches;

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
    return PredictInBatches.PORTS;
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
    return new PredictInBatches<>(config.bundle(), ctx.stageId(), "mlp", MlpBundle::load,
        source -> new PredictFn(config.batchSize(), ctx.stageId(), source));
  }

  static final class PredictFn extends BatchedPredictFn<MlpBundle> {
    PredictFn(int batchSize, String stageId, ModelSource<MlpBundle> source) {
      super(batchSize, stageId, source);
    }

    @Override
    protected String refusal(Row r, MlpBundle bundle) {
      for (String f : bundle.features()) {
        if (!Double.isFinite(r.number(f))) return "feature " + f + " is missing or not a number";
      }
      return null;
    }

    @Override
    protected List<Row> predict(MlpBundle bundle, List<Row> rows) {
      double[][] x = new double[rows.size()][bundle.features().size()];
      for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) x[i][j] = rows.get(i).number(bundle.features().get(j));
      List<Row> out = new ArrayList<>();
      if (bundle.classification()) {
        double[][][] p = bundle.committee().probabilities(x);
        for (int i = 0; i < x.length; i++) {
          double[] m = MlpTrain.mean(p, i);
          int k = MlpTrain.argmax(m);
          out.add(rows.get(i).with("prediction", bundle.classLabels().get(k)).with("probability", m[k]));
        }
      } else {
        double[][] ms = NoiseCalibration.meanAndSpread(bundle.committee().predict(x));
        for (int i = 0; i < x.length; i++) out.add(rows.get(i).with("prediction", ms[0][i]).with("prediction_sd", ms[1][i]));
      }
      return out;
    }
  }
}
