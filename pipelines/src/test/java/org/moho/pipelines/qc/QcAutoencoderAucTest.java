package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The autoencoder's QC score and the combined score (qc.rules with the autoencoder joined), clean
 * against each damage kind, on the evaluation stations of {@link QcAucTest} (never trained or
 * tuned on). As examples/pipelines/seismo-qc.yaml does: each 512-sample window's seismo.metrics
 * become its {@link QcDescriptor} (qc.descriptor: 14 numbers, std relative to its channel's
 * reference level); a dense 32-16-8 denoising autoencoder (inputs standardised on its training
 * split) learns the descriptors of the clean windows of the training stations only; its score is
 * the reconstruction MSE; its qc.rules threshold is 1.5 × the largest MSE of the clean windows of a
 * calibration station (the rule the metric thresholds follow), which is neither learnt nor
 * evaluated. The channel reference is what qc.descriptor computes in the workflow: the median std
 * over the channel's clean windows and the one damaged copy seismo.damage draws for each (kind
 * drawn with the workflow's seed); every kind's copy is then described relative to it.
 */
class QcAutoencoderAucTest {
  /** Stations the autoencoder learns: CH.BALST (1 Hz), BW.BGLD (200 Hz, two files), NL.HGN (40 Hz). */
  static final List<String> TRAINING = List.of("CH.BALST..LHE.D.2025.314", "timingquality.mseed", "gaps.mseed",
      "brokenlastrecord.mseed");
  /**
   * The station whose clean windows set the autoencoder's threshold: NZ.CRLZ (100 Hz), a rules tuning
   * station the autoencoder has not learnt, so its errors are those of a station not trained on.
   */
  static final List<String> CALIBRATION = List.of("CRLZ.HHZ.10.NZ.SAC");
  static final List<DamageKind> TARGET_KINDS = List.of(DamageKind.GAP, DamageKind.SPIKES, DamageKind.CLIPPING,
      DamageKind.DEAD, DamageKind.GAIN);
  /** The workflow's autoencoder.train settings. */
  static final AutoencoderConfig CONFIG = AutoencoderConfig.dense(List.of(32, 16, 8)).withTraining(100, 32, 1e-3, 7)
      .withRegularisation(0, 0.1, 0.1, 10).withScaling(Scaling.STANDARDIZE);

  static TrainedAutoencoder model;
  static double aeThreshold;
  /** Per kind (NONE = clean): autoencoder MSE, rules score, combined geometric and max of each evaluation window. */
  static Map<DamageKind, List<double[]>> scores = new LinkedHashMap<>();
  static Map<DamageKind, List<double[]>> calibrationScores = new LinkedHashMap<>();

  @BeforeAll
  static void trainAndScore() {
    List<RealWindows.Window> windows = RealWindows.windows(TRAINING);
    Map<String, Double> references = references(windows, false);
    float[][] train = windows.stream().map(w -> QcDescriptor.describe(metrics(w.samples()), references.get(channel(w)))).toArray(float[][]::new);
    model = new AutoencoderTrainer(CONFIG).train(TrainingData.of(train));
    fill(calibrationScores, CALIBRATION);
    double maxCalibration = calibrationScores.get(DamageKind.NONE).stream().mapToDouble(s -> s[0]).max().orElseThrow();
    aeThreshold = Double.parseDouble(String.format(Locale.ROOT, "%.2g", 1.5 * maxCalibration));
    System.out.println("training windows " + train.length + ", epochs " + model.metrics().size() + ", max training MSE "
        + Arrays.stream(mse(Arrays.asList(train))).max().orElseThrow() + ", max calibration MSE " + maxCalibration
        + ", ae threshold " + aeThreshold);
    fill(scores, RealWindows.EVALUATION);
  }

  static String channel(RealWindows.Window w) {
    return w.key().substring(0, w.key().indexOf('@'));
  }

  /**
   * Each channel's reference level as seismo.qc-descriptor computes it from the windows it is given:
   * the clean windows, and with {@code damaged} also the one damaged copy seismo.damage (keep_clean,
   * the workflow's seed) draws for each.
   */
  static Map<String, Double> references(List<RealWindows.Window> windows, boolean damaged) {
    return references(windows, damaged ? QcAucTest.DAMAGE : null);
  }

  /** As {@link #references(List, boolean)}, with the damaged copies drawn by {@code damage} (null: clean only). */
  static Map<String, Double> references(List<RealWindows.Window> windows, DamageConfig damage) {
    Map<String, List<Double>> levels = new LinkedHashMap<>();
    for (RealWindows.Window w : windows) {
      List<Double> l = levels.computeIfAbsent(channel(w), c -> new ArrayList<>());
      l.add(metrics(w.samples())[QcDescriptor.STD]);
      if (damage != null) {
        SplittableRandom rng = RecordSeeds.random(damage.seed(), w.key());
        rng.nextDouble();
        DamageKind kind = damage.kinds().get(rng.nextInt(damage.kinds().size()));
        l.add(metrics(Damager.apply(kind, w.samples(), damage, rng).samples())[QcDescriptor.STD]);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    levels.forEach((c, l) -> out.put(c, QcDescriptor.reference(l.stream().mapToDouble(Double::doubleValue).toArray())));
    return out;
  }

  static void fill(Map<DamageKind, List<double[]>> scores, List<String> files) {
    fill(scores, RealWindows.windows(files), QcAucTest.DAMAGE);
  }

  /** Scores the given windows clean and with every kind of {@code damage}. */
  static void fill(Map<DamageKind, List<double[]>> scores, List<RealWindows.Window> windows, DamageConfig damage) {
    RuleScorer rules = new RuleScorer(QcAucTest.RULES);
    RuleScorer geometric = new RuleScorer(COMBINED);
    RuleScorer max = new RuleScorer(COMBINED_MAX);
    for (DamageKind k : DamageKind.values()) scores.putIfAbsent(k, new ArrayList<>());
    Map<String, Double> references = references(windows, damage);
    for (RealWindows.Window w : windows) {
      List<DamageKind> kinds = new ArrayList<>(List.of(DamageKind.NONE));
      List<double[]> xs = new ArrayList<>(List.of(w.samples()));
      for (DamageKind k : damage.kinds()) {
        kinds.add(k);
        xs.add(Damager.apply(k, w.samples(), damage, RecordSeeds.random(damage.seed(), w.key())).samples());
      }
      double reference = references.get(channel(w));
      for (int j = 0; j < xs.size(); j++) {
        double[] m = metrics(xs.get(j));
        double ae = mse(List.of(QcDescriptor.describe(m, reference)))[0];
        Map<String, Double> named = QcAucTest.named(m);
        scores.get(kinds.get(j)).add(new double[] {ae, rules.score(named, Double.NaN).score(), geometric.score(named, ae).score(),
            max.score(named, ae).score()});
      }
    }
  }

  /** seismo.metrics of a window, through float as the stage's FeatureVector carries them. */
  static double[] metrics(double[] x) {
    double[] m = QcMetrics.compute(x, QcAucTest.METRICS.settings());
    for (int i = 0; i < m.length; i++) m[i] = (float) m[i];
    return m;
  }

  /** Reconstruction MSE in the model's standardised space, as autoencoder.score reports it. */
  static double[] mse(List<float[]> xs) {
    INDArray in = model.normaliser().apply(Nd4j.create(xs.toArray(new float[0][])));
    float[][] a = in.toFloatMatrix();
    float[][] b = model.network().output(in, false).toFloatMatrix();
    double[] m = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) m[i] += (b[i][j] - a[i][j]) * (double) (b[i][j] - a[i][j]) / a[i].length;
    }
    return m;
  }

  /** qc.rules as the workflow sets it up: the autoencoder's MSE joined by the weighted geometric mean (ae_weight 0.25). */
  static final RulesConfig COMBINED = QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.06, combine: geometric}");
  /** The same with the largest score (qc.rules' default combination), for comparison. */
  static final RulesConfig COMBINED_MAX = QcHarness.bind(RulesConfig.class, "{ae_threshold: 0.06, combine: max}");

  /** Which score of a window: 0 autoencoder MSE, 1 rules, 2 combined (weighted geometric), 3 combined (max), as qc.rules makes them. */
  static double score(double[] s, int which) {
    return switch (which) {
      case 0 -> s[0];
      case 1 -> s[1];
      case 2 -> s[2];
      default -> s[3];
    };
  }

  static double auc(Map<DamageKind, List<double[]>> m, int which, List<DamageKind> kinds) {
    double[] clean = m.get(DamageKind.NONE).stream().mapToDouble(s -> score(s, which)).toArray();
    double[] bad = kinds.stream().flatMap(k -> m.get(k).stream()).mapToDouble(s -> score(s, which)).toArray();
    return Auc.of(clean, bad);
  }

  /** The threshold the workflow sets (ae_threshold: 0.06) is the calibration rule's value. */
  @Test
  void thresholdIsOneAndAHalfTimesTheLargestCalibrationError() {
    assertEquals(0.06, aeThreshold, 0);
    assertEquals(0.06, COMBINED.aeThreshold(), 0);
  }

  @Test
  void autoencoderScoreSeparatesDamageOnUnseenStations() {
    for (DamageKind k : QcAucTest.DAMAGE.kinds()) {
      System.out.printf(Locale.ROOT, "AUC %-8s autoencoder %.3f rules %.3f combined geometric %.3f (max %.3f)%n", k.label(),
          auc(scores, 0, List.of(k)), auc(scores, 1, List.of(k)), auc(scores, 2, List.of(k)), auc(scores, 3, List.of(k)));
    }
    double all = auc(scores, 0, QcAucTest.DAMAGE.kinds());
    double withoutTiming = auc(scores, 0, TARGET_KINDS);
    System.out.printf(Locale.ROOT, "AUC all kinds: autoencoder %.3f (without timing %.3f), rules %.3f, combined geometric %.3f (max %.3f)%n",
        all, withoutTiming, auc(scores, 1, QcAucTest.DAMAGE.kinds()), auc(scores, 2, QcAucTest.DAMAGE.kinds()),
        auc(scores, 3, QcAucTest.DAMAGE.kinds()));
    // measured 0.891 / 0.946 (the waveform autoencoder of QcWaveformAutoencoderAucTest: 0.661 / 0.695)
    assertTrue(all >= 0.85, "autoencoder AUC, all kinds " + all);
    assertTrue(withoutTiming >= 0.93, "autoencoder AUC without timing " + withoutTiming);
  }

  @Test
  void combinedScoreSeparatesEachKindOnUnseenStations() {
    // measured (geometric, ae_weight 0.25): gap 0.991, spikes 0.989, clipping 0.981, dead 0.996, gain 0.980 (rules
    // alone 0.991, 0.991, 0.965, 0.996, 0.987). Before spikes and steps were measured against their local background,
    // clean windows holding earthquakes outranked some damage on both sides, and gain stayed at 0.938
    for (DamageKind k : TARGET_KINDS) {
      assertTrue(auc(scores, 2, List.of(k)) >= 0.95, k + " combined AUC " + auc(scores, 2, List.of(k)));
    }
  }

  /** On the calibration station (which tuned the rules) every score separates the five kinds. */
  @Test
  void calibrationStationIsSeparated() {
    for (DamageKind k : TARGET_KINDS) {
      System.out.printf(Locale.ROOT, "calibration AUC %-8s autoencoder %.3f rules %.3f combined %.3f%n", k.label(),
          auc(calibrationScores, 0, List.of(k)), auc(calibrationScores, 1, List.of(k)), auc(calibrationScores, 2, List.of(k)));
      assertTrue(auc(calibrationScores, 0, List.of(k)) >= 0.95, k + " calibration AUC " + auc(calibrationScores, 0, List.of(k)));
      assertTrue(auc(calibrationScores, 2, List.of(k)) >= 0.99, k + " calibration combined AUC " + auc(calibrationScores, 2, List.of(k)));
    }
  }
}
