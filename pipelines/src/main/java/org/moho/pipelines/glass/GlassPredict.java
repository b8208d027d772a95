package org.moho.pipelines.glass;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.models.glass.GlassModel;
import org.moho.models.glass.ViscosityData;
import org.moho.models.glass.ViscosityEquation;
import org.moho.pipelines.supervised.BatchedPredictFn;
import org.moho.pipelines.supervised.ModelSource;
import org.moho.pipelines.supervised.PredictInBatches;

/** {@code glass.predict}: viscosity with uncertainty, Tg and fragility for composition + T rows. */
public final class GlassPredict implements StageType<GlassPredictConfig> {
  @Override
  public String description() {
    return "Predicts log10 viscosity (Pa·s) for rows of oxide mol% and T with a trained glass bundle, in batches. "
        + "Adds pred_viscosity (ensemble mean of the reported equation), pred_sigma (calibrated: ensemble spread "
        + "and data noise; ±2σ is the stated 95 % interval), pred_sigma_ensemble, for the physics model "
        + "pred_myega/pred_vft/pred_ag, and per melt tg (K, at 10^12 Pa·s), tg_sd, fragility, fragility_sd, "
        + "nearest_training_distance (mole fractions) and extrapolating (farther from the training melts than "
        + "95 % of the validation melts). A melt holding an oxide outside the trained set, or without T, is "
        + "refused to the errors output with the reason.";
  }

  @Override public Class<GlassPredictConfig> configType() { return GlassPredictConfig.class; }

  @Override
  public List<Port> inputs() {
    return PredictInBatches.PORTS;
  }

  @Override public Class<?> output() { return Row.class; }

  @Override
  public String example() {
    return """
        - id: predicted
          use: glass.predict
          from: [melts, model]
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GlassPredictConfig config, StageContext ctx) {
    return new PredictInBatches<>(config.bundle(), ctx.stageId(), "glass", GlassModel::load,
        source -> new PredictFn(config.temperatureColumn(), config.batchSize(), ctx.stageId(), source));
  }

  static final class PredictFn extends BatchedPredictFn<GlassModel> {
    private final String temperatureColumn;

    PredictFn(String temperatureColumn, int batchSize, String stageId, ModelSource<GlassModel> source) {
      super(batchSize, stageId, source);
      this.temperatureColumn = temperatureColumn;
    }

    @Override
    protected String refusal(Row row, GlassModel model) {
      if (!(row.number(temperatureColumn) > 0)) return "refused: missing or non-positive " + temperatureColumn;
      try {
        ViscosityData.fractions(row, model.oxides());
        return null;
      } catch (IllegalArgumentException e) {
        return "refused: " + e.getMessage();
      }
    }

    @Override
    protected List<Row> predict(GlassModel model, List<Row> rows) {
      double[][] x = rows.stream().map(r -> ViscosityData.fractions(r, model.oxides())).toArray(double[][]::new);
      double[] t = rows.stream().mapToDouble(r -> r.number(temperatureColumn)).toArray();
      GlassModel.Prediction[] p = model.predict(x, t);
      GlassModel.Melt[] melts = model.melts(x);
      double[][][] byEq = null;
      if (model.physics() != null) {
        byEq = new double[3][][];
        for (ViscosityEquation eq : ViscosityEquation.values()) {
          byEq[eq.ordinal()] = org.moho.models.mlp.NoiseCalibration.meanAndSpread(model.memberViscosity(x, t, eq));
        }
      }
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        Row r = rows.get(i)
            .with("pred_viscosity", p[i].log10Viscosity())
            .with("pred_sigma", p[i].sigma())
            .with("pred_sigma_ensemble", p[i].sigmaEnsemble());
        if (byEq != null) {
          for (ViscosityEquation eq : ViscosityEquation.values()) r = r.with("pred_" + eq.key(), byEq[eq.ordinal()][0][i]);
        }
        r = r.with("tg", melts[i].tg()).with("tg_sd", melts[i].tgSd())
            .with("fragility", melts[i].fragility()).with("fragility_sd", melts[i].fragilitySd())
            .with("nearest_training_distance", melts[i].nearestTrainingDistance())
            .with("extrapolating", melts[i].extrapolating());
        out.add(r);
      }
      return out;
    }
  }
}
