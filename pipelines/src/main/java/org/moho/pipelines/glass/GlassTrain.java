package org.moho.pipelines.glass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.models.glass.GlassTrainSettings;
import org.moho.models.glass.GlassTrainer;
import org.moho.models.glass.ViscosityData;
import org.moho.pipelines.supervised.GatherAndTrain;

/** {@code glass.train}: trains a viscosity ensemble on measurement rows and writes its bundle. */
public final class GlassTrain implements StageType<GlassTrainConfig> {
  @Override
  public String description() {
    return "Trains an ensemble that predicts melt viscosity (log10 Pa·s) from oxide mol% and T. The default "
        + "physics-informed model maps a composition to the parameters of MYEGA, VFT and Adam–Gibbs, which "
        + "share A and one Tg at 10^12 Pa·s, computes all three viscosities inside a SameDiff graph and trains "
        + "on all of them at once (i-Melt, Le Losq, Valentine et al. 2021); 'plain' trains a dense committee on "
        + "composition and 1000/T. Rows are split by melt name, never by row (seeded, 20 % test by default); "
        + "each member stops early on the validation melts, which also calibrate a data-noise σ so that stated "
        + "±2σ intervals cover the target share of held-out points. The bundle folder (graph, model.json with "
        + "config, data fingerprint, per-epoch metrics, test metrics and versions, loss.png) is built aside "
        + "and renamed into place. Emits one row describing the bundle; unusable rows go to errors.";
  }

  @Override public Class<GlassTrainConfig> configType() { return GlassTrainConfig.class; }
  @Override public List<Port> inputs() { return List.of(Port.of("rows", Row.class)); }
  @Override public Class<?> output() { return Row.class; }

  @Override
  public String example() {
    return """
        - id: model
          use: glass.train
          from: visc
          with: {bundle: "${out}/glass-model", members: 5, epochs: 120}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GlassTrainConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        return inputs.<Row>get(0).apply(new GatherAndTrain(new TrainFn(config.settings(), config.bundle().toString(),
            config.nameColumn(), config.temperatureColumn(), config.targetColumn(), config.progressBar(), ctx.stageId())));
      }
    };
  }

  /** One worker gathers every row and trains: training is a global step (DESIGN.md). */
  static final class TrainFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final GlassTrainSettings settings;
    private final String bundle;
    private final String nameColumn;
    private final String temperatureColumn;
    private final String targetColumn;
    private final boolean progressBar;
    private final String stageId;

    TrainFn(GlassTrainSettings settings, String bundle, String nameColumn, String temperatureColumn,
        String targetColumn, boolean progressBar, String stageId) {
      this.settings = settings;
      this.bundle = bundle;
      this.nameColumn = nameColumn;
      this.temperatureColumn = temperatureColumn;
      this.targetColumn = targetColumn;
      this.progressBar = progressBar;
      this.stageId = stageId;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> all, MultiOutputReceiver out) {
      List<Row> rows = new ArrayList<>();
      all.getValue().forEach(rows::add);
      Metrics.counter(stageId, "in").inc(rows.size());
      List<ViscosityData.Rejected> rejected = new ArrayList<>();
      ViscosityData data = ViscosityData.fromRows(rows, nameColumn, temperatureColumn, targetColumn, rejected);
      for (ViscosityData.Rejected r : rejected) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, r.row().key(), r.reason(), null));
      }
      GlassTrainSettings s = settings;
      GlassTrainer.Result result;
      try {
        result = GlassTrainer.train(data, s, java.nio.file.Path.of(bundle), progressBar);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the glass bundle " + bundle + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, bundle,
            "cannot train: " + e.getMessage()));
        return;
      }
      Metrics.counter(stageId, "skipped.train_rows_without_network_former").inc(result.leftOut());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bundle", bundle);
      v.put("model", s.model().name().toLowerCase());
      v.put("members", (long) s.committee().members());
      v.put("rows", (long) data.size());
      v.put("epochs", (long) result.history().epochs().size());
      v.put("noise_sigma", result.model().noiseSigma());
      if (result.metrics().get("test") instanceof Map<?, ?> test) {
        v.put("test_rmse", (Double) test.get("rmse"));
        v.put("test_coverage_2sigma", (Double) test.get("coverage_2sigma"));
      }
      if (result.metrics().get("validation") instanceof Map<?, ?> val) v.put("validation_rmse", (Double) val.get("rmse"));
      out.get(StageOutputs.<Row>main()).output(new Row(bundle, v));
    }
  }
}
