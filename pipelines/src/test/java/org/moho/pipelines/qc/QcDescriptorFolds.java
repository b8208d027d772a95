package org.moho.pipelines.qc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.TrainingData;

/**
 * A measurement, not a test: the leave-stations-out folds on which the QC descriptor and the
 * combination were chosen (BENCHMARKS.md, "Seismogram QC workflow"), over the four stations that
 * are not evaluation stations: CH.BALST, BW.BGLD, NL.HGN, NZ.CRLZ. For the autoencoder of
 * {@link QcAutoencoderAucTest} on {@link QcDescriptor}s: train on one station and score the other
 * three, or train on three and score the fourth (AUC per kind, mean over the four folds); then the
 * combinations of the rules' score with mse / (1.5 × the largest training MSE) on the folds whose
 * held-out station tuned neither the rules nor the autoencoder (BW.BGLD, NL.HGN). Run from the repo
 * root with {@code OMP_NUM_THREADS=1 java -cp <test classpath> -Dmoho.repo=. org.moho.pipelines.qc.QcDescriptorFolds}.
 */
public final class QcDescriptorFolds {
  private QcDescriptorFolds() {}

  static final Map<String, List<String>> STATIONS = new LinkedHashMap<>();

  static {
    STATIONS.put("CH.BALST", List.of("CH.BALST..LHE.D.2025.314"));
    STATIONS.put("BW.BGLD", List.of("timingquality.mseed", "gaps.mseed"));
    STATIONS.put("NL.HGN", List.of("brokenlastrecord.mseed"));
    STATIONS.put("NZ.CRLZ", List.of("CRLZ.HHZ.10.NZ.SAC"));
  }

  /** Trains on the clean windows of {@code train} and fills the scores of {@code test}'s windows, every kind. */
  static Map<DamageKind, List<double[]>> fold(List<String> train, List<String> test) {
    List<RealWindows.Window> windows = new ArrayList<>();
    train.forEach(s -> windows.addAll(RealWindows.windows(STATIONS.get(s))));
    Map<String, Double> references = QcAutoencoderAucTest.references(windows, false);
    float[][] x = windows.stream().map(w -> QcDescriptor.describe(QcAutoencoderAucTest.metrics(w.samples()),
        references.get(QcAutoencoderAucTest.channel(w)))).toArray(float[][]::new);
    QcAutoencoderAucTest.model = new AutoencoderTrainer(QcAutoencoderAucTest.CONFIG).train(TrainingData.of(x));
    Map<DamageKind, List<double[]>> scores = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    test.forEach(s -> files.addAll(STATIONS.get(s)));
    QcAutoencoderAucTest.fill(scores, files);
    double max = Arrays.stream(QcAutoencoderAucTest.mse(Arrays.asList(x))).max().orElseThrow();
    for (List<double[]> l : scores.values()) l.replaceAll(s -> new double[] {s[0], s[1], s[0] / (1.5 * max)});
    return scores;
  }

  static double auc(Map<DamageKind, List<double[]>> m, DoubleBinaryOperator score, List<DamageKind> kinds) {
    double[] clean = m.get(DamageKind.NONE).stream().mapToDouble(s -> score.applyAsDouble(s[1], s[2])).toArray();
    double[] bad = kinds.stream().flatMap(k -> m.get(k).stream()).mapToDouble(s -> score.applyAsDouble(s[1], s[2])).toArray();
    return Auc.of(clean, bad);
  }

  public static void main(String[] args) {
    List<String> names = new ArrayList<>(STATIONS.keySet());
    List<DamageKind> kinds = QcAucTest.DAMAGE.kinds();
    for (int trainOnOne = 1; trainOnOne >= 0; trainOnOne--) {
      double[] sum = new double[kinds.size() + 1];
      for (String s : names) {
        List<String> others = names.stream().filter(n -> !n.equals(s)).toList();
        Map<DamageKind, List<double[]>> m = trainOnOne == 1 ? fold(List.of(s), others) : fold(others, List.of(s));
        for (int k = 0; k < kinds.size(); k++) sum[k] += auc(m, (r, a) -> a, List.of(kinds.get(k))) / names.size();
        sum[kinds.size()] += auc(m, (r, a) -> a, kinds) / names.size();
      }
      StringBuilder b = new StringBuilder(trainOnOne == 1 ? "train on 1, score 3:" : "train on 3, score 1:");
      for (int k = 0; k < kinds.size(); k++) b.append(String.format(Locale.ROOT, " %s %.3f", kinds.get(k).label(), sum[k]));
      System.out.println(b.append(String.format(Locale.ROOT, " all %.3f", sum[kinds.size()])));
    }
    Map<String, DoubleBinaryOperator> combinations = new LinkedHashMap<>();
    combinations.put("rules", (r, a) -> r);
    combinations.put("autoencoder", (r, a) -> a);
    combinations.put("max", Math::max);
    combinations.put("max, ae / 2", (r, a) -> Math.max(r, a / 2));
    combinations.put("max, ae / 4", (r, a) -> Math.max(r, a / 4));
    combinations.put("sum", Double::sum);
    combinations.put("geometric", (r, a) -> Math.sqrt(Math.max(r, 1e-6) * Math.max(a, 1e-6)));
    combinations.put("rules x sqrt(ae)", (r, a) -> r * Math.sqrt(Math.max(a, 1e-6)));
    combinations.put("rules x ae^0.25", (r, a) -> r * Math.pow(Math.max(a, 1e-6), 0.25));
    for (String heldOut : List.of("BW.BGLD", "NL.HGN")) {
      Map<DamageKind, List<double[]>> m = fold(names.stream().filter(n -> !n.equals(heldOut)).toList(), List.of(heldOut));
      combinations.forEach((name, c) -> {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "held out %s, %-16s", heldOut, name));
        for (DamageKind k : kinds) b.append(String.format(Locale.ROOT, " %s %.3f", k.label(), auc(m, c, List.of(k))));
        System.out.println(b);
      });
    }
  }
}
