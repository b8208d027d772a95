package org.moho.models.glass;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.moho.core.files.AtomicFiles;
import org.moho.core.run.Versions;
import org.moho.models.mlp.EnsembleTrainer;
import org.moho.models.mlp.GroupSplit;
import org.moho.models.mlp.MlpCommittee;
import org.moho.models.mlp.NoiseCalibration;
import org.moho.models.mlp.Standardizer;

/**
 * Trains a glass viscosity ensemble, calibrates its uncertainty, evaluates it on the held-out
 * compositions and writes the bundle folder atomically (built in a hidden temporary folder beside
 * the target, then renamed into place).
 *
 * <p>Guarantees: the split is by composition (no {@code Name} in two splits) with the documented
 * seed; the standardiser and weights see only the training split; the data-noise σ and the
 * extrapolation threshold are fitted on the validation split; the test split is used only for
 * the metrics recorded in model.json.
 */
public final class GlassTrainer {
  private GlassTrainer() {}

  /**
   * What a training produced: the model, its bundle folder and the metrics written into model.json.
   *
   * @param split the rows of each role as split (the fit used the training rows less {@code leftOut})
   * @param leftOut training rows left out of the fit ({@link GlassTrainSettings#requireNetworkFormer})
   */
  public record Result(GlassModel model, Path bundle, Map<String, Object> metrics, EnsembleTrainer.History history,
      Map<GroupSplit.Role, int[]> split, int leftOut) {}

  public static Result train(ViscosityData data, GlassTrainSettings s, Path bundle, boolean progressBar)
      throws IOException {
    Map<GroupSplit.Role, int[]> split = new GroupSplit(s.splitSeed(), s.testFraction(), s.validationFraction())
        .rows(data.names());
    int[] val = split.get(GroupSplit.Role.VALIDATION), test = split.get(GroupSplit.Role.TEST);
    CompositionDescriptors formers = new CompositionDescriptors(data.oxides());
    int[] train = Arrays.stream(split.get(GroupSplit.Role.TRAIN))
        .filter(i -> !s.requireNetworkFormer() || formers.hasNetworkFormer(data.composition()[i])).toArray();
    int leftOut = split.get(GroupSplit.Role.TRAIN).length - train.length;
    if (train.length == 0 || val.length == 0) throw new IllegalArgumentException("too few compositions to split: " + data.names().stream().distinct().count());

    double[][] trainComps = distinctCompositions(data, train);
    GlassModel model;
    EnsembleTrainer.History history;
    Standardizer std;
    double[] target = null;
    if (s.model() == GlassTrainSettings.Model.PHYSICS) {
      double[] w = s.equationWeights().stream().mapToDouble(Double::doubleValue).toArray();
      PhysicsEnsemble.Trained t = PhysicsEnsemble.train(data, train, val, s.committee(), w, s.descriptors(), progressBar);
      model = new GlassModel(s.model(), data.oxides(), t.model(), null, null, s.reported(), trainComps, 0, 0);
      history = t.history();
      std = t.model().inputs();
    } else {
      CompositionDescriptors desc = s.descriptors() ? new CompositionDescriptors(data.oxides()) : null;
      double[][] features = GlassModel.plainFeatures(data.composition(), data.tempK(), desc);
      MlpCommittee.Trained t = MlpCommittee.train(features, data.log10Viscosity(), 1, train, val, s.committee(), progressBar);
      model = new GlassModel(s.model(), data.oxides(), null, t.model(), desc, s.reported(), trainComps, 0, 0);
      history = t.history();
      std = t.model().inputs();
      target = new double[] {t.model().targetMean(), t.model().targetScale()};
    }

    // Calibration on the validation compositions: data-noise σ and the novelty threshold.
    Evaluation v = evaluate(model, data, val, 0);
    double noise = NoiseCalibration.fit(v.truth, v.mean, v.spread, s.coverageTarget());
    double[] valDistances = distinctCompositions(data, val).length == 0 ? new double[0]
        : Arrays.stream(distinctCompositions(data, val)).mapToDouble(model::nearestTrainingDistance).sorted().toArray();
    double threshold = valDistances.length == 0 ? 0 : valDistances[(int) Math.floor(0.95 * (valDistances.length - 1))];
    model.calibrate(noise, threshold);

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("validation", evaluate(model, data, val, noise).summary(data, val, noise));
    if (test.length > 0) metrics.put("test", evaluate(model, data, test, noise).summary(data, test, noise));
    if (model.physics() != null && test.length > 0) {
      Map<String, Object> eqs = new LinkedHashMap<>();
      for (ViscosityEquation eq : ViscosityEquation.values()) {
        Evaluation e = evaluate(model, data, test, noise, eq);
        eqs.put(eq.key(), Map.of("rmse", e.rmse(), "coverage_2sigma", e.coverage(noise)));
      }
      metrics.put("test_by_equation", eqs);
    }

    writeBundle(bundle, data, s, model, std, target, history, split, leftOut, metrics);
    return new Result(model, bundle, metrics, history, split, leftOut);
  }

  /** Ensemble mean, spread and truth on some rows. */
  record Evaluation(double[] truth, double[] mean, double[] spread) {
    double rmse() {
      return rmseWhere(x -> true);
    }

    double rmseWhere(java.util.function.DoublePredicate onTruth) {
      double se = 0;
      int n = 0;
      for (int i = 0; i < truth.length; i++) {
        if (!onTruth.test(truth[i])) continue;
        se += (mean[i] - truth[i]) * (mean[i] - truth[i]);
        n++;
      }
      return n == 0 ? Double.NaN : Math.sqrt(se / n);
    }

    double coverage(double noise) {
      return NoiseCalibration.coverage(truth, mean, spread, noise);
    }

    Map<String, Object> summary(ViscosityData data, int[] rows, double noise) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rows", rows.length);
      m.put("compositions", Arrays.stream(rows).mapToObj(r -> data.names().get(r)).distinct().count());
      m.put("rmse", rmse());
      m.put("rmse_below_1e7", rmseWhere(y -> y < 7));
      m.put("rmse_above_1e7", rmseWhere(y -> y >= 7));
      m.put("coverage_2sigma", coverage(noise));
      m.put("coverage_2sigma_ensemble_only", coverage(0));
      m.put("mean_ensemble_sigma", Arrays.stream(spread).average().orElse(Double.NaN));
      // the worst melts, to look at
      Map<String, double[]> per = new LinkedHashMap<>();
      for (int i = 0; i < rows.length; i++) {
        double[] acc = per.computeIfAbsent(data.names().get(rows[i]), k -> new double[2]);
        acc[0] += (mean[i] - truth[i]) * (mean[i] - truth[i]);
        acc[1]++;
      }
      List<Map<String, Object>> worst = new ArrayList<>();
      per.entrySet().stream().sorted(Comparator.comparingDouble(e -> -e.getValue()[0] / e.getValue()[1])).limit(5)
          .forEach(e -> worst.add(Map.of("name", e.getKey(), "rmse", Math.sqrt(e.getValue()[0] / e.getValue()[1]),
              "rows", (int) e.getValue()[1])));
      m.put("worst_compositions", worst);
      return m;
    }
  }

  static Evaluation evaluate(GlassModel model, ViscosityData data, int[] rows, double noise) {
    return evaluate(model, data, rows, noise, model.reported());
  }

  static Evaluation evaluate(GlassModel model, ViscosityData data, int[] rows, double noise, ViscosityEquation eq) {
    double[][] x = new double[rows.length][];
    double[] t = new double[rows.length], y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = data.composition()[rows[i]];
      t[i] = data.tempK()[rows[i]];
      y[i] = data.log10Viscosity()[rows[i]];
    }
    double[][] ms = NoiseCalibration.meanAndSpread(model.memberViscosity(x, t, eq));
    return new Evaluation(y, ms[0], ms[1]);
  }

  static double[][] distinctCompositions(ViscosityData data, int[] rows) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int r : rows) m.putIfAbsent(data.names().get(r), data.composition()[r]);
    return m.values().toArray(double[][]::new);
  }

  private static void writeBundle(Path bundle, ViscosityData data, GlassTrainSettings s, GlassModel model,
      Standardizer std, double[] target, EnsembleTrainer.History h, Map<GroupSplit.Role, int[]> split, int leftOut,
      Map<String, Object> metrics) throws IOException {
    Path parent = bundle.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + bundle.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    try {
      if (model.physics() != null) model.physics().saveGraph(tmp.resolve(GlassModel.GRAPH));
      else plainGraph(model).saveGraph(tmp.resolve(GlassModel.GRAPH));
      StringBuilder csv = new StringBuilder(String.join(",", data.oxides())).append('\n');
      for (double[] x : model.trainCompositions()) {
        csv.append(String.join(",", Arrays.stream(x).mapToObj(Double::toString).toList())).append('\n');
      }
      Files.writeString(tmp.resolve(GlassModel.TRAIN_COMPOSITIONS), csv, StandardCharsets.UTF_8);
      LossCurvePlot.write(h.epochs(), "glass " + s.model().name().toLowerCase() + " ensemble of " + s.committee().members(),
          tmp.resolve(GlassModel.LOSS_PNG));

      Map<String, Object> j = new LinkedHashMap<>();
      j.put("format", "moho.glass/1");
      j.put("model", s.model().name().toLowerCase());
      j.put("created", Instant.now().toString());
      j.put("oxides", data.oxides());
      j.put("inputs", model.descriptors() ? GlassModel.INPUTS_WITH_DESCRIPTORS : "fractions");
      if (model.descriptors()) j.put("descriptors", CompositionDescriptors.NAMES);
      j.put("members", s.committee().members());
      j.put("reported_equation", s.reported().name());
      j.put("config", s);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("fingerprint_sha256", data.fingerprint());
      d.put("rows", data.size());
      d.put("compositions", data.names().stream().distinct().count());
      j.put("data", d);
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("by", "composition (Name)");
      sp.put("seed", s.splitSeed());
      sp.put("test_fraction", s.testFraction());
      sp.put("validation_fraction", s.validationFraction());
      split.forEach((role, rows) -> sp.put(role.name().toLowerCase() + "_rows", rows.length));
      sp.put("train_rows_left_out_without_network_former", leftOut);
      j.put("split", sp);
      j.put("standardizer", Map.of("mean", std.mean(), "scale", std.scale()));
      if (target != null) j.put("target", Map.of("mean", target[0], "scale", target[1]));
      j.put("calibration", Map.of("noise_sigma", model.noiseSigma(), "coverage_target", s.coverageTarget(),
          "extrapolation_distance", model.extrapolationDistance(),
          "extrapolation_rule", "Euclidean distance in mole fractions to the nearest training melt above the 95th percentile of the validation melts' distances"));
      List<Map<String, Object>> epochs = new ArrayList<>();
      for (EnsembleTrainer.Epoch e : h.epochs()) {
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("epoch", e.epoch());
        em.put("train_loss", e.trainLoss());
        em.put("validation_loss", e.validationLoss());
        em.put("member_validation_loss", e.memberValidationLoss());
        em.put("learning_rate", e.learningRate());
        em.put("seconds", e.seconds());
        epochs.add(em);
      }
      j.put("training", Map.of("epochs", epochs, "best_epoch", h.bestEpoch(), "seconds", h.seconds()));
      j.put("metrics", metrics);
      Map<String, Object> ver = new LinkedHashMap<>();
      ver.put("moho", Versions.moho());
      ver.put("dl4j", org.nd4j.linalg.factory.Nd4j.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
          : org.nd4j.linalg.factory.Nd4j.class.getPackage().getImplementationVersion());
      ver.put("java", Versions.java());
      ver.put("platform", Versions.platform());
      j.put("versions", ver);
      Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
      Files.writeString(tmp.resolve(GlassModel.MODEL_JSON), gson.toJson(j), StandardCharsets.UTF_8);
      replaceFolder(tmp, bundle);
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Renames the finished folder onto the target. A rename cannot replace a non-empty folder, so an
   * old bundle is first renamed aside and removed after the new one is in place.
   */
  private static void replaceFolder(Path tmp, Path bundle) throws IOException {
    Path old = null;
    if (Files.exists(bundle)) {
      old = bundle.resolveSibling("." + bundle.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(bundle, old);
    }
    AtomicFiles.moveIntoPlace(tmp, bundle);
    if (old != null) deleteTree(old);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }

  private static MlpCommittee plainGraph(GlassModel m) {
    return m.plain();
  }
}
