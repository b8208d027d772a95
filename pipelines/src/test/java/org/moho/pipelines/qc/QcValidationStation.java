package org.moho.pipelines.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.TrainingData;

/**
 * A measurement, not a test: the QC scores of {@link QcAutoencoderAucTest} (the workflow's
 * descriptor autoencoder, trained on the same stations, threshold from NZ.CRLZ) on a validation
 * station that neither trains, tunes nor evaluates anything: AV.DOL (Alaska Volcano Observatory,
 * 50 Hz, E/N/Z of an M5.9 earthquake 68 km away), cut into 512-sample windows every 128 samples and
 * damaged with several seeds. Per kind, the AUC of each way of joining the rules' score and the
 * autoencoder's (BENCHMARKS.md, "Seismogram QC workflow": how the combination was chosen). Run from
 * the repo root with {@code OMP_NUM_THREADS=1 java -cp <test classpath> -Dmoho.repo=. org.moho.pipelines.qc.QcValidationStation}.
 */
public final class QcValidationStation {
  private QcValidationStation() {}

  static final String FILE = "waveform_AV.DOL.txt";
  static final int STEP = 128;
  static final List<Long> SEEDS = List.of(42L, 1L, 2L, 3L, 4L);

  /** 512-sample windows every {@link #STEP} samples, keyed as seismo.windows keys them. */
  static List<RealWindows.Window> windows() {
    return RealWindows.windows(List.of(FILE), STEP);
  }

  public static void main(String[] args) {
    List<RealWindows.Window> train = RealWindows.windows(QcAutoencoderAucTest.TRAINING);
    Map<String, Double> references = QcAutoencoderAucTest.references(train, false);
    float[][] x = train.stream().map(w -> QcDescriptor.describe(QcAutoencoderAucTest.metrics(w.samples()),
        references.get(QcAutoencoderAucTest.channel(w)))).toArray(float[][]::new);
    QcAutoencoderAucTest.model = new AutoencoderTrainer(QcAutoencoderAucTest.CONFIG).train(TrainingData.of(x));
    Map<DamageKind, List<double[]>> calibration = new LinkedHashMap<>();
    QcAutoencoderAucTest.fill(calibration, QcAutoencoderAucTest.CALIBRATION);
    double t = Double.parseDouble(String.format(Locale.ROOT, "%.2g",
        1.5 * calibration.get(DamageKind.NONE).stream().mapToDouble(s -> s[0]).max().orElseThrow()));
    System.out.println("autoencoder threshold (1.5 x the largest calibration MSE) " + t);
    List<RealWindows.Window> windows = windows();
    System.out.println("validation windows " + windows.size());
    Map<DamageKind, List<double[]>> scores = new LinkedHashMap<>();
    for (long seed : SEEDS) {
      DamageConfig damage = QcHarness.bind(DamageConfig.class, "{keep_clean: true, seed: " + seed + "}");
      Map<DamageKind, List<double[]>> s = new LinkedHashMap<>();
      QcAutoencoderAucTest.fill(s, windows, damage);
      s.forEach((k, l) -> {
        // the clean windows are the same for every seed: keep them once
        if (k != DamageKind.NONE || !scores.containsKey(k)) scores.computeIfAbsent(k, kk -> new ArrayList<>()).addAll(l);
      });
    }
    Map<String, ToDoubleFunction<double[]>> ways = new LinkedHashMap<>();
    ways.put("autoencoder", s -> s[0]);
    ways.put("rules", s -> s[1]);
    ways.put("max", s -> Math.max(s[1], s[0] / t));
    ways.put("sum", s -> s[1] + s[0] / t);
    for (double w : new double[] {0.1, 0.2, 0.25, 0.33, 0.5}) {
      ways.put("geometric w=" + w, s -> Math.pow(Math.max(s[1], RuleScorer.COMBINE_FLOOR), 1 - w) * Math.pow(Math.max(s[0] / t, RuleScorer.COMBINE_FLOOR), w));
    }
    for (Map.Entry<String, ToDoubleFunction<double[]>> e : ways.entrySet()) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s", e.getKey()));
      double[] clean = scores.get(DamageKind.NONE).stream().mapToDouble(e.getValue()).toArray();
      for (DamageKind k : QcAucTest.DAMAGE.kinds()) {
        double[] bad = scores.get(k).stream().mapToDouble(e.getValue()).toArray();
        b.append(String.format(Locale.ROOT, " %s %.3f", k.label(), Auc.of(clean, bad)));
      }
      double[] all = QcAucTest.DAMAGE.kinds().stream().flatMap(k -> scores.get(k).stream()).mapToDouble(e.getValue()).toArray();
      System.out.println(b.append(String.format(Locale.ROOT, " all %.3f", Auc.of(clean, all))));
    }
  }
}
