package org.moho.models.glass;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Row;
import org.moho.models.mlp.GroupSplit;
import org.moho.models.mlp.MlpSettings;

/**
 * Trains the full physics-informed ensemble and the plain baseline on the bundled GP-visc
 * database and prints the figures quoted in docs/stages/glass.md as JSON. Not run by CI. Run from
 * the repository root (OMP_NUM_THREADS=1: one ND4J thread is faster than two on 2 cores):
 * <pre>
 * mvn -B -o -q -pl models -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -cp "models/target/classes:core/target/classes:$(cat models/target/cp.txt)" \
 *     org.moho.models.glass.GlassBenchmark data/glass moho-out/glass-bench [members] [maxEpochs] [physics,plain]
 * </pre>
 */
public final class GlassBenchmark {
  private GlassBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "data/glass");
    Path out = Path.of(args.length > 1 ? args[1] : "moho-out/glass-bench");
    ViscosityData data = ViscosityData.fromRows(CsvRows.read(dataDir.resolve("gpvisc_lp_viscosity_train.csv")),
        "Name", "T", "viscosity", null);
    Map<String, Object> report = new LinkedHashMap<>();
    List<GlassTrainSettings.Model> kinds = args.length > 4
        ? java.util.Arrays.stream(args[4].split(",")).map(k -> GlassTrainSettings.Model.valueOf(k.toUpperCase())).toList()
        : List.of(GlassTrainSettings.Model.values());
    for (GlassTrainSettings.Model kind : kinds) {
      GlassTrainSettings s = GlassTrainSettings.defaults(kind);
      Map<String, Object> k0 = new LinkedHashMap<>();
      MlpSettings c = s.committee();
      if (args.length > 2) c = new MlpSettings(Integer.parseInt(args[2]), c.hidden(), c.activation(), c.maxEpochs(),
          c.patience(), c.batchSize(), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      if (args.length > 3) c = new MlpSettings(c.members(), c.hidden(), c.activation(), Integer.parseInt(args[3]),
          c.patience(), c.batchSize(), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      // optional overrides for experiments: -Dglass.batch=, -Dglass.lr=, -Dglass.final=, -Dglass.patience=,
      // -Dglass.hidden=96,96, -Dglass.descriptors=true|false, -Dglass.weights=1,1,1
      String o;
      if ((o = System.getProperty("glass.batch")) != null) c = new MlpSettings(c.members(), c.hidden(), c.activation(),
          c.maxEpochs(), c.patience(), Integer.parseInt(o), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      if ((o = System.getProperty("glass.lr")) != null) c = new MlpSettings(c.members(), c.hidden(), c.activation(),
          c.maxEpochs(), c.patience(), c.batchSize(), Double.parseDouble(o), c.finalLearningRateFraction(), c.seed());
      if ((o = System.getProperty("glass.final")) != null) c = new MlpSettings(c.members(), c.hidden(), c.activation(),
          c.maxEpochs(), c.patience(), c.batchSize(), c.learningRate(), Double.parseDouble(o), c.seed());
      if ((o = System.getProperty("glass.patience")) != null) c = new MlpSettings(c.members(), c.hidden(), c.activation(),
          c.maxEpochs(), Integer.parseInt(o), c.batchSize(), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      if ((o = System.getProperty("glass.hidden")) != null) c = new MlpSettings(c.members(),
          java.util.Arrays.stream(o.split(",")).map(Integer::valueOf).toList(), c.activation(), c.maxEpochs(),
          c.patience(), c.batchSize(), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      if ((o = System.getProperty("glass.activation")) != null) c = new MlpSettings(c.members(), c.hidden(),
          org.moho.models.mlp.EnsembleGraph.Activation.valueOf(o.toUpperCase()), c.maxEpochs(), c.patience(),
          c.batchSize(), c.learningRate(), c.finalLearningRateFraction(), c.seed());
      s = s.withCommittee(c);
      if ((o = System.getProperty("glass.descriptors")) != null) s = s.withDescriptors(Boolean.parseBoolean(o));
      if ((o = System.getProperty("glass.weights")) != null) s = s.withEquationWeights(
          java.util.Arrays.stream(o.split(",")).map(Double::valueOf).toList());
      if ((o = System.getProperty("glass.formers")) != null) s = s.withRequireNetworkFormer(Boolean.parseBoolean(o));
      k0.put("settings", s);
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      GlassTrainer.Result r = GlassTrainer.train(data, s, out.resolve(kind.name().toLowerCase()), true);
      Map<String, Object> k = new LinkedHashMap<>(k0);
      k.putAll(r.metrics());
      k.put("wall_seconds_train_and_bundle", (System.nanoTime() - t0) / 1e9);
      // CPU seconds of this process over the same span, and the 1-minute load average before and after
      // it: the machine is shared, so wall time alone says little
      k.put("cpu_seconds_train_and_bundle", (processCpuNanos() - cpu0) / 1e9);
      k.put("load_average_1min_start_end", List.of(load0,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
      k.put("epochs_run", r.history().epochs().size());
      int[] test = r.split().get(GroupSplit.Role.TEST);
      double[][] testComps = GlassTrainer.distinctCompositions(data, test);
      k.put("test_compositions_not_monotonic_600_2500K", GlassChecks.nonMonotonic(r.model(), testComps, 600, 2500, 96).size());
      if (kind == GlassTrainSettings.Model.PHYSICS) {
        double[][] x = new double[test.length][];
        double[] t = new double[test.length];
        for (int i = 0; i < test.length; i++) {
          x[i] = data.composition()[test[i]];
          t[i] = data.tempK()[test[i]];
        }
        Map<String, Object> agree = new LinkedHashMap<>();
        GlassChecks.equationAgreement(r.model(), x, t).forEach((pair, v) ->
            agree.put(pair, Map.of("share_within_2sigma", v[0], "rms_difference", v[1])));
        k.put("equation_agreement_test_points", agree);
      }
      k.put("imelt_melts", imeltTg(r.model(), dataDir.resolve("imelt_data_for_post_analyses.csv")));
      report.put(kind.name().toLowerCase(), k);
      System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(Map.of(kind.name(), k)));
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("benchmark-" + String.join("-", kinds.stream().map(k -> k.name().toLowerCase()).toList()) + ".json"),
        new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(report));
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  /** Predicted against listed Tg for the five i-Melt melts (FeOT read as FeO). */
  static List<Map<String, Object>> imeltTg(GlassModel model, Path csv) throws Exception {
    Map<String, Row> first = new LinkedHashMap<>();
    for (Row r : CsvRows.read(csv)) first.putIfAbsent((String) r.get("Name"), r);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : first.values()) {
      Row mapped = r.with("feo", r.number("feot")).with("feot", 0.0);
      double[] x = ViscosityData.fractions(mapped, model.oxides());
      GlassModel.Melt m = model.melts(new double[][] {x})[0];
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", r.get("Name"));
      e.put("tg_listed", r.number("Tg"));
      e.put("tg_predicted", m.tg());
      e.put("tg_sd", m.tgSd());
      e.put("fragility", m.fragility());
      e.put("nearest_training_distance", m.nearestTrainingDistance());
      out.add(e);
    }
    return out;
  }
}
