package org.moho.models.glass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.Row;
import org.moho.models.mlp.EnsembleGraph;
import org.moho.models.mlp.EnsembleTrainer;
import org.moho.models.mlp.GroupSplit;
import org.moho.models.mlp.MlpSettings;
import org.moho.models.mlp.NoiseCalibration;

/**
 * A small real training on an eighth of the bundled compositions (3 members, 40 epochs): the
 * behaviour the full model is judged on, at CI size. The full figures come from GlassBenchmark.
 */
class GlassTrainerTest {
  static ViscosityData subset;
  static GlassTrainer.Result result;
  @TempDir static Path tmp;

  @BeforeAll
  static void train() throws Exception {
    List<Row> rows = CsvRows.read(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv"));
    List<String> names = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> (String) r.get("Name")).toList()));
    Set<String> keep = new HashSet<>();
    for (int i = 0; i < names.size(); i += 8) keep.add(names.get(i));
    subset = ViscosityData.fromRows(rows.stream().filter(r -> keep.contains(r.get("Name"))).toList(), "Name", "T",
        "viscosity", null);
    GlassTrainSettings s = GlassTrainSettings.defaults(GlassTrainSettings.Model.PHYSICS)
        .withCommittee(new MlpSettings(3, List.of(32, 32), EnsembleGraph.Activation.TANH, 40, 40, 256, 1e-2, 0.2, 7));
    result = GlassTrainer.train(subset, s, tmp.resolve("bundle"), false);
  }

  /** Test rows whose melt is not flagged as extrapolating. */
  static int[] inDomainTestRows() {
    int[] test = result.split().get(GroupSplit.Role.TEST);
    return Arrays.stream(test).filter(i -> !result.model().melts(new double[][] {subset.composition()[i]})[0].extrapolating())
        .toArray();
  }

  @Test
  void lossDecreasesAndTheModelBeatsTheMeanOnMeltsLikeTheTrainingOnes() {
    List<EnsembleTrainer.Epoch> e = result.history().epochs();
    assertTrue(e.get(e.size() - 1).validationLoss() < 0.3 * e.get(0).validationLoss(),
        "validation loss " + e.get(0).validationLoss() + " → " + e.get(e.size() - 1).validationLoss());
    int[] rows = inDomainTestRows();
    assertTrue(rows.length > 0.5 * result.split().get(GroupSplit.Role.TEST).length, rows.length + " in-domain rows");
    double mean = Arrays.stream(rows).mapToDouble(i -> subset.log10Viscosity()[i]).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(rows).mapToDouble(i -> Math.pow(subset.log10Viscosity()[i] - mean, 2)).average().orElseThrow());
    GlassTrainer.Evaluation ev = GlassTrainer.evaluate(result.model(), subset, rows, result.model().noiseSigma());
    assertTrue(ev.rmse() < 0.5 * sd, "in-domain test RMSE " + ev.rmse() + " against a spread of " + sd);
    double coverage = ev.coverage(result.model().noiseSigma());
    assertTrue(coverage >= 0.85 && coverage <= 0.99, "in-domain test ±2σ coverage " + coverage);
  }

  @Test
  void pureWaterIsFlaggedAsExtrapolation() {
    // the subset's test split holds the database's one pure-H2O melt, far from every silicate
    int water = subset.names().indexOf("staffmnkmcph_0_0_0_0_0_0_0_0_0_0_0_100");
    assertTrue(Arrays.stream(result.split().get(GroupSplit.Role.TEST)).anyMatch(i -> i == water));
    GlassModel.Melt m = result.model().melts(new double[][] {subset.composition()[water]})[0];
    assertTrue(m.extrapolating() && m.nearestTrainingDistance() > 0.3, "distance " + m.nearestTrainingDistance());
  }

  @Test
  void splitSharesNoComposition() {
    Set<String> test = new HashSet<>(), others = new HashSet<>();
    result.split().forEach((role, idx) -> {
      for (int i : idx) (role == GroupSplit.Role.TEST ? test : others).add(subset.names().get(i));
    });
    test.retainAll(others);
    assertTrue(test.isEmpty(), "shared: " + test);
  }

  @Test
  void viscosityDecreasesWithTemperatureForEveryTestComposition() {
    double[][] comps = GlassTrainer.distinctCompositions(subset, result.split().get(GroupSplit.Role.TEST));
    assertTrue(comps.length > 50);
    assertEquals(List.of(), GlassChecks.nonMonotonic(result.model(), comps, 600, 2500, 60));
  }

  @Test
  void calibratedIntervalsCoverFarMoreThanTheEnsembleSpreadAlone() {
    Map<?, ?> test = (Map<?, ?>) result.metrics().get("test");
    double calibrated = (Double) test.get("coverage_2sigma"), ensemble = (Double) test.get("coverage_2sigma_ensemble_only");
    assertTrue(result.model().noiseSigma() > 0);
    assertTrue(calibrated > ensemble, calibrated + " vs " + ensemble);
    Map<?, ?> val = (Map<?, ?>) result.metrics().get("validation");
    assertEquals(0.95, (Double) val.get("coverage_2sigma"), 0.01);
  }

  @Test
  void graphAndJavaEquationsAgree() {
    int[] test = result.split().get(GroupSplit.Role.TEST);
    int n = Math.min(200, test.length);
    double[][] x = new double[n][];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = subset.composition()[test[i]];
      t[i] = subset.tempK()[test[i]];
    }
    for (ViscosityEquation eq : ViscosityEquation.values()) {
      double[][] g = result.model().physics().graphViscosity(x, t, eq);
      double[][] j = result.model().memberViscosity(x, t, eq);
      for (int m = 0; m < g.length; m++) assertArrayEquals(j[m], g[m], 2e-3, eq.name());
    }
  }

  @Test
  void bundleIsCompleteAndReloadsToTheSamePredictions() throws Exception {
    Path b = tmp.resolve("bundle");
    for (String f : List.of(GlassModel.MODEL_JSON, GlassModel.GRAPH, GlassModel.TRAIN_COMPOSITIONS, GlassModel.LOSS_PNG)) {
      assertTrue(Files.size(b.resolve(f)) > 0, f);
    }
    try (var s = Files.list(tmp)) {
      assertEquals(List.of("bundle"), s.map(p -> p.getFileName().toString()).toList()); // no temporary folder left
    }
    JsonObject j = JsonParser.parseString(Files.readString(b.resolve(GlassModel.MODEL_JSON))).getAsJsonObject();
    assertEquals(subset.fingerprint(), j.getAsJsonObject("data").get("fingerprint_sha256").getAsString());
    assertEquals(result.history().epochs().size(), j.getAsJsonObject("training").getAsJsonArray("epochs").size());
    assertEquals(20261121L, j.getAsJsonObject("split").get("seed").getAsLong());
    GlassModel loaded = GlassModel.load(b);
    double[][] x = {subset.composition()[0], subset.composition()[1]};
    double[] t = {subset.tempK()[0], subset.tempK()[1]};
    GlassModel.Prediction[] a = result.model().predict(x, t), c = loaded.predict(x, t);
    for (int i = 0; i < 2; i++) {
      assertEquals(a[i].log10Viscosity(), c[i].log10Viscosity(), 1e-9);
      assertEquals(a[i].sigma(), c[i].sigma(), 1e-9);
    }
    GlassModel.Melt m = loaded.melts(new double[][] {subset.composition()[0]})[0];
    // Tg is where the reported equation reaches 10^12 Pa·s
    double[] mean = NoiseCalibration.meanAndSpread(loaded.memberViscosity(new double[][] {x[0]}, new double[] {m.tg()},
        ViscosityEquation.MYEGA))[0];
    assertEquals(12.0, mean[0], 0.3);
  }

  @Test
  void refusesAnOxideOutsideTheTrainedSet() {
    Row lithium = new Row("li", Map.of("sio2", 70.0, "li2o", 30.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ViscosityData.fractions(lithium, result.model().oxides()));
    assertTrue(e.getMessage().contains("li2o"), e.getMessage());
  }
}
