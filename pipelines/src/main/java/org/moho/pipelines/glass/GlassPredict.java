package org.moho.pipelines.glass;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.glass.GlassModel;
import org.moho.models.glass.ViscosityData;
import org.moho.models.glass.ViscosityEquation;

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
    return List.of(Port.of("rows", Row.class), Port.optional("model", Row.class));
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
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        BundleSource source = BundleSource.of(inputs, 1, config.bundle(), ctx.stageId());
        ParDo.SingleOutput<Row, Row> p = ParDo.of(new PredictFn(config.temperatureColumn(), config.batchSize(), ctx.stageId(), source));
        if (source.view() != null) p = p.withSideInputs(source.view());
        PCollectionTuple out = rows.apply("Predict",
            p.withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
        return out;
      }
    };
  }

  static final class PredictFn extends DoFn<Row, Row> {
    private final String temperatureColumn;
    private final int batchSize;
    private final String stageId;
    private final BundleSource source;
    private transient List<Row> buffer;
    private transient List<double[]> fractions;

    PredictFn(String temperatureColumn, int batchSize, String stageId, BundleSource source) {
      this.temperatureColumn = temperatureColumn;
      this.batchSize = batchSize;
      this.stageId = stageId;
      this.source = source;
    }

    @StartBundle
    public void start() {
      buffer = new ArrayList<>();
      fractions = new ArrayList<>();
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      Row row = c.element();
      GlassModel model = source.get(source.view() == null ? null : c.sideInput(source.view()));
      double t = row.number(temperatureColumn);
      try {
        if (!(t > 0)) throw new IllegalArgumentException("missing or non-positive " + temperatureColumn);
        fractions.add(ViscosityData.fractions(row, model.oxides()));
        buffer.add(row);
      } catch (IllegalArgumentException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, row.key(), "refused: " + e.getMessage(), null));
        return;
      }
      if (buffer.size() >= batchSize) {
        for (Row r : flush(model)) out.get(StageOutputs.<Row>main()).output(r);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      if (buffer.isEmpty()) return;
      for (Row r : flush(source.get(null))) {
        c.output(StageOutputs.<Row>main(), r, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    private List<Row> flush(GlassModel model) {
      double[][] x = fractions.toArray(double[][]::new);
      double[] t = buffer.stream().mapToDouble(r -> r.number(temperatureColumn)).toArray();
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
        Row r = buffer.get(i)
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
      buffer.clear();
      fractions.clear();
      return out;
    }
  }
}
