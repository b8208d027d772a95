package org.moho.pipelines.glass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Gather;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.glass.GlassModel;
import org.moho.models.glass.ViscosityCurvePlot;
import org.moho.models.glass.ViscosityData;
import org.moho.pipelines.supervised.ModelSource;

/** {@code glass.curves}: one PNG per melt of predicted viscosity against 10^4/T. */
public final class GlassCurves implements StageType<GlassCurvesConfig> {
  @Override
  public String description() {
    return "Draws, for every melt (rows grouped by name), the predicted log10 viscosity against 10^4/T over "
        + "[from_k, to_k] with its calibrated ±2σ band, and the measured points of the melt's rows that have T "
        + "and a measured viscosity. Writes <folder>/<name>.png (name made file-safe) and emits one row per melt "
        + "(name, png, tg, fragility, extrapolating). A melt the model refuses goes to errors.";
  }

  @Override public Class<GlassCurvesConfig> configType() { return GlassCurvesConfig.class; }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class), Port.optional("model", Row.class));
  }

  @Override public Class<?> output() { return Row.class; }

  @Override
  public String example() {
    return """
        - id: curves
          use: glass.curves
          from: [melts, model]
          with: {folder: "${out}/curves"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GlassCurvesConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        ModelSource<GlassModel> source = ModelSource.of(inputs, 1, config.bundle(), ctx.stageId(), "glass", GlassModel::load);
        String nameColumn = config.nameColumn(); // the lambda must not capture the (unserializable) config
        PCollectionTuple out = rows
            .apply("ByMelt", WithKeys.of((Row r) -> String.valueOf(r.get(nameColumn)))
                .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Row.class)))
            .apply("Group", Gather.byKey())
            .apply("Draw", source.parDo(new CurveFn(new Settings(config.folder().toString(), config.fromK(), config.toK(),
                config.steps(), config.temperatureColumn(), config.measuredColumn()), ctx.stageId(), source)));
        out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
        return out;
      }
    };
  }

  /** The config as the DoFn carries it (a Path is not serializable). */
  record Settings(String folder, double fromK, double toK, int steps, String temperatureColumn, String measuredColumn)
      implements java.io.Serializable {}

  static final class CurveFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final Settings config;
    private final String stageId;
    private final ModelSource<GlassModel> source;

    CurveFn(Settings config, String stageId, ModelSource<GlassModel> source) {
      this.config = config;
      this.stageId = stageId;
      this.source = source;
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      String name = c.element().getKey();
      GlassModel model = source.get(source.view() == null ? null : c.sideInput(source.view()));
      List<Row> rows = new ArrayList<>();
      c.element().getValue().forEach(rows::add);
      double[] x;
      try {
        x = ViscosityData.fractions(rows.get(0), model.oxides());
      } catch (IllegalArgumentException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, name, "refused: " + e.getMessage(), null));
        return;
      }
      List<double[]> measured = new ArrayList<>();
      for (Row r : rows) {
        double t = r.number(config.temperatureColumn()), v = r.number(config.measuredColumn());
        if (t > 0 && Double.isFinite(v)) measured.add(new double[] {t, v});
      }
      double[] temps = ViscosityCurvePlot.temperatures(config.fromK(), config.toK(), config.steps());
      double[][] xs = new double[temps.length][];
      java.util.Arrays.fill(xs, x);
      GlassModel.Prediction[] p = model.predict(xs, temps);
      GlassModel.Melt melt = model.melts(new double[][] {x})[0];
      Path folder = Path.of(config.folder());
      Path png = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      try {
        Files.createDirectories(folder);
        ViscosityCurvePlot.write(String.format("%s (Tg %.0f K, m %.0f)", name, melt.tg(), melt.fragility()), temps, p,
            measured.stream().mapToDouble(m -> m[0]).toArray(), measured.stream().mapToDouble(m -> m[1]).toArray(), png);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", name);
      v.put("png", png.toString());
      v.put("tg", melt.tg());
      v.put("fragility", melt.fragility());
      v.put("extrapolating", melt.extrapolating());
      v.put("measured_points", (long) measured.size());
      out.get(StageOutputs.<Row>main()).output(new Row(name, v));
    }
  }
}
