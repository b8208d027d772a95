package org.moho.pipelines.mlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.moho.models.mlp.GroupSplit;
import org.moho.models.mlp.MlpBundle;
import org.moho.models.mlp.MlpCommittee;
import org.moho.models.mlp.NoiseCalibration;
import org.moho.pipelines.supervised.GatherAndTrain;

/** {@code mlp.train}: a committee of dense networks on table rows. */
public final class MlpTrain implements StageType<MlpTrainConfig> {
  @Override
  public String description() {
    return "Trains a committee of N dense networks (members differ by seed) on rows: the features columns "
        + "(standardised on the training split) predict the target, a number (regression, MSE) or a label "
        + "(classification, softmax cross-entropy). Rows are split into train, validation and test with a "
        + "documented seed, by the group column when given so no group is in two splits; each member stops "
        + "early on validation. Writes the bundle folder atomically (graph.sd, model.json with config, data "
        + "fingerprint, per-epoch metrics, test metrics, versions) and emits one row describing it. Rows with a "
        + "missing feature or target go to errors.";
  }

  @Override public Class<MlpTrainConfig> configType() { return MlpTrainConfig.class; }
  @Override public List<Port> inputs() { return List.of(Port.of("rows", Row.class)); }
  @Override public Class<?> output() { return Row.class; }

  @Override
  public String example() {
    return """
        - id: baseline
          use: mlp.train
          from: visc
          with: {bundle: "${out}/mlp", features: [sio2, al2o3, na2o, k2o, inv_t], target: viscosity, group: Name}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(MlpTrainConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        return inputs.<Row>get(0).apply(new GatherAndTrain(new TrainFn(Settings.of(config), ctx.stageId())));
      }
    };
  }

  /** The config as the DoFn carries it (a Path is not serializable). */
  record Settings(String bundleFolder, List<String> features, String target, MlpTrainConfig.Task task, int members,
      org.moho.models.mlp.MlpSettings committee, String group, long splitSeed, double testFraction,
      double validationFraction, boolean progressBar) implements java.io.Serializable {
    static Settings of(MlpTrainConfig c) {
      return new Settings(c.bundle().toString(), List.copyOf(c.features()), c.target(), c.task(), c.members(),
          c.settings(), c.group(), c.splitSeed(), c.testFraction(), c.validationFraction(), c.progressBar());
    }

    java.nio.file.Path bundle() {
      return java.nio.file.Path.of(bundleFolder);
    }

    org.moho.models.mlp.MlpSettings settings() {
      return committee;
    }
  }

  static final class TrainFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final Settings config;
    private final String stageId;

    TrainFn(Settings config, String stageId) {
      this.config = config;
      this.stageId = stageId;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> all, MultiOutputReceiver out) throws Exception {
      List<Row> usable = new ArrayList<>();
      long in = 0;
      boolean classify = config.task() == MlpTrainConfig.Task.CLASSIFICATION;
      for (Row r : all.getValue()) {
        in++;
        String bad = null;
        for (String f : config.features()) if (!Double.isFinite(r.number(f))) bad = "feature " + f + " is missing or not a number";
        if (r.get(config.target()) == null || (!classify && !Double.isFinite(r.number(config.target())))) {
          bad = "target " + config.target() + " is missing" + (classify ? "" : " or not a number");
        }
        if (bad != null) out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, r.key(), bad, null));
        else usable.add(r);
      }
      Metrics.counter(stageId, "in").inc(in);
      List<String> labels = classify
          ? new ArrayList<>(new TreeSet<>(usable.stream().map(r -> String.valueOf(r.get(config.target()))).toList()))
          : List.of();
      int n = usable.size();
      double[][] x = new double[n][config.features().size()];
      double[] y = new double[n];
      List<String> groups = new ArrayList<>();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < n; i++) {
        Row r = usable.get(i);
        for (int j = 0; j < x[i].length; j++) x[i][j] = r.number(config.features().get(j));
        y[i] = classify ? labels.indexOf(String.valueOf(r.get(config.target()))) : r.number(config.target());
        groups.add(config.group() == null ? r.key() + "#" + i : String.valueOf(r.get(config.group())));
        md.update((java.util.Arrays.toString(x[i]) + y[i] + groups.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Map<GroupSplit.Role, int[]> split = new GroupSplit(config.splitSeed(), config.testFraction(),
          config.validationFraction()).rows(groups);
      int[] train = split.get(GroupSplit.Role.TRAIN), val = split.get(GroupSplit.Role.VALIDATION),
          test = split.get(GroupSplit.Role.TEST);
      if (train.length == 0 || val.length == 0) {
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, config.bundle().toString(),
            "cannot train: " + n + " usable rows are too few to split"));
        return;
      }
      MlpCommittee.Trained t = MlpCommittee.train(x, y, classify ? labels.size() : 1, train, val, config.settings(),
          config.progressBar());
      Map<String, Object> metrics = new LinkedHashMap<>();
      if (test.length > 0) metrics.put("test", evaluate(t.model(), x, y, test, classify));
      metrics.put("validation", evaluate(t.model(), x, y, val, classify));
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("by", config.group() == null ? "row" : config.group());
      sp.put("seed", config.splitSeed());
      split.forEach((role, rows) -> sp.put(role.name().toLowerCase() + "_rows", rows.length));
      try {
        MlpBundle.write(config.bundle(), new MlpBundle(t.model(), config.features(), config.target(), labels),
            config.settings(), t.history(), HexFormat.of().formatHex(md.digest()), metrics, sp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the mlp bundle " + config.bundle() + ": " + e.getMessage(), e);
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bundle", config.bundle().toString());
      v.put("task", config.task().name().toLowerCase());
      v.put("members", (long) config.members());
      v.put("rows", (long) n);
      v.put("epochs", (long) t.history().epochs().size());
      if (metrics.get("test") instanceof Map<?, ?> m) {
        m.forEach((k, val2) -> v.put("test_" + k, val2 instanceof Number num ? (Object) num.doubleValue() : val2));
      }
      out.get(StageOutputs.<Row>main()).output(new Row(config.bundle().toString(), v));
    }

    private static Map<String, Object> evaluate(MlpCommittee m, double[][] x, double[] y, int[] rows, boolean classify) {
      double[][] xs = new double[rows.length][];
      double[] ys = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        xs[i] = x[rows[i]];
        ys[i] = y[rows[i]];
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("rows", rows.length);
      if (!classify) {
        double[][] ms = NoiseCalibration.meanAndSpread(m.predict(xs));
        double se = 0;
        for (int i = 0; i < ys.length; i++) se += (ms[0][i] - ys[i]) * (ms[0][i] - ys[i]);
        r.put("rmse", Math.sqrt(se / ys.length));
      } else {
        double[][][] p = m.probabilities(xs);
        int right = 0;
        for (int i = 0; i < ys.length; i++) if (argmax(mean(p, i)) == (int) ys[i]) right++;
        r.put("accuracy", right / (double) ys.length);
      }
      return r;
    }
  }

  static double[] mean(double[][][] p, int row) {
    double[] m = new double[p[0][row].length];
    for (double[][] member : p) for (int k = 0; k < m.length; k++) m[k] += member[row][k] / p.length;
    return m;
  }

  static int argmax(double[] v) {
    int b = 0;
    for (int k = 1; k < v.length; k++) if (v[k] > v[b]) b = k;
    return b;
  }
}
