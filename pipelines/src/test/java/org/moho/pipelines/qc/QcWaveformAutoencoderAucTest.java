package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Waveform;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.pipelines.seismo.Normalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The waveform autoencoder as a QC score (the method seismo-qc.yaml used before the QC descriptor
 * of {@link QcAutoencoderAucTest}; the same kind of network compresses windows in seismo-search.yaml), kept
 * as the baseline and for the compression figure in BENCHMARKS.md: its score and the combined
 * score (qc.rules with it joined by the largest score), clean against each damage kind, on the
 * evaluation stations of {@link QcAucTest} (never trained or tuned on). A 512-256-128-64-32 denoising autoencoder
 * learns robust-scaled (median / 1.4826 MAD) clean 512-sample windows of the training stations
 * only, at their own rates; its score is the reconstruction MSE; its qc.rules threshold is 1.5 × the
 * largest MSE of the clean windows of a calibration station (the rule the metric thresholds follow),
 * which is neither learnt nor evaluated.
 * A window whose samples are all equal (half the dead-channel copies) cannot be scaled: normalize
 * sends it to errors, so the autoencoder does not score it and the combined score is the rules'.
 */
class QcWaveformAutoencoderAucTest {
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

  static TrainedAutoencoder model;
  static double aeThreshold;
  /** Per kind (NONE = clean): autoencoder MSE (NaN when not scaled) and rules score of each evaluation window. */
  static Map<DamageKind, List<double[]>> scores = new LinkedHashMap<>();

  @BeforeAll
  static void trainAndScore() {
    List<float[]> train = new ArrayList<>();
    for (RealWindows.Window w : RealWindows.windows(TRAINING)) {
      float[] x = scaled(w.samples());
      if (x != null) train.add(x);
    }
    AutoencoderConfig config = AutoencoderConfig.dense(List.of(256, 128, 64, 32)).withTraining(20, 32, 1e-3, 7)
        .withRegularisation(0, 0.1, 0.1, 5).withScaling(Scaling.NONE);
    model = new AutoencoderTrainer(config).train(TrainingData.of(train.toArray(new float[0][])));
    List<float[]> calibration = new ArrayList<>();
    for (RealWindows.Window w : RealWindows.windows(CALIBRATION)) calibration.add(scaled(w.samples()));
    double maxCalibration = Arrays.stream(mse(calibration)).max().orElseThrow();
    aeThreshold = Double.parseDouble(String.format(Locale.ROOT, "%.2g", 1.5 * maxCalibration));
    System.out.println("training windows " + train.size() + ", max training MSE " + Arrays.stream(mse(train)).max().orElseThrow()
        + ", max calibration MSE " + maxCalibration + ", ae threshold " + aeThreshold);

    fill(scores, RealWindows.EVALUATION);
    fill(calibrationScores, CALIBRATION);
  }

  static Map<DamageKind, List<double[]>> calibrationScores = new LinkedHashMap<>();

  static void fill(Map<DamageKind, List<double[]>> scores, List<String> files) {
    RuleScorer rules = new RuleScorer(QcAucTest.RULES);
    for (DamageKind k : DamageKind.values()) scores.put(k, new ArrayList<>());
    for (RealWindows.Window w : RealWindows.windows(files)) {
      List<DamageKind> kinds = new ArrayList<>(List.of(DamageKind.NONE));
      List<double[]> xs = new ArrayList<>(List.of(w.samples()));
      for (DamageKind k : QcAucTest.DAMAGE.kinds()) {
        kinds.add(k);
        xs.add(Damager.apply(k, w.samples(), QcAucTest.DAMAGE, RecordSeeds.random(QcAucTest.DAMAGE.seed(), w.key())).samples());
      }
      for (int j = 0; j < xs.size(); j++) {
        float[] x = scaled(xs.get(j));
        double ae = x == null ? Double.NaN : mse(List.of(x))[0];
        if (j == 0 && x != null && scores == QcWaveformAutoencoderAucTest.scores) cleanFit.add(new double[] {ae, 1 - ae * x.length / sumOfSquares(x)});
        double rule = rules.score(QcAucTest.named(QcMetrics.compute(xs.get(j), QcAucTest.METRICS.settings())), Double.NaN).score();
        scores.get(kinds.get(j)).add(new double[] {ae, rule});
      }
    }
  }

  /** Clean evaluation windows: reconstruction MSE and the fraction of the window's variance the code explains. */
  static List<double[]> cleanFit = new ArrayList<>();

  static double sumOfSquares(float[] x) {
    double mean = 0;
    for (float v : x) mean += v / (double) x.length;
    double ss = 0;
    for (float v : x) ss += (v - mean) * (v - mean);
    return ss;
  }

  /** Robust-scaled window as normalize {mode: robust} makes it, or null when normalize rejects it. */
  static float[] scaled(double[] x) {
    try {
      double[] y = Normalization.apply(x, Normalization.Mode.ROBUST);
      float[] f = new float[y.length];
      for (int i = 0; i < y.length; i++) f[i] = (float) y[i];
      return f;
    } catch (IllegalArgumentException dead) {
      return null;
    }
  }

  static double[] mse(List<float[]> xs) {
    float[][] in = xs.toArray(new float[0][]);
    float[][] out = model.network().output(Nd4j.create(in), false).toFloatMatrix();
    double[] m = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      for (int j = 0; j < in[i].length; j++) m[i] += (out[i][j] - in[i][j]) * (double) (out[i][j] - in[i][j]) / in[i].length;
    }
    return m;
  }

  /** Which score of a window: 0 autoencoder MSE, 1 rules, 2 combined (as qc.rules joins them). */
  static double score(double[] s, int which) {
    return switch (which) {
      case 0 -> s[0];
      case 1 -> s[1];
      default -> Double.isNaN(s[0]) ? s[1] : Math.max(s[1], s[0] / aeThreshold);
    };
  }

  static double auc(int which, List<DamageKind> kinds) {
    double[] clean = scores.get(DamageKind.NONE).stream().filter(s -> which != 0 || !Double.isNaN(s[0]))
        .mapToDouble(s -> score(s, which)).toArray();
    double[] bad = kinds.stream().flatMap(k -> scores.get(k).stream()).filter(s -> which != 0 || !Double.isNaN(s[0]))
        .mapToDouble(s -> score(s, which)).toArray();
    return Auc.of(clean, bad);
  }

  @Test
  void combinedScoreSeparatesEachKindOnUnseenStations() {
    for (DamageKind k : QcAucTest.DAMAGE.kinds()) {
      System.out.printf(Locale.ROOT, "AUC %-8s autoencoder %.3f rules %.3f combined %.3f%n", k.label(),
          auc(0, List.of(k)), auc(1, List.of(k)), auc(2, List.of(k)));
    }
    // measured: combined 0.961 gap, 0.962 spikes, 0.943 clipping, 0.971 dead, 0.949 gain. The largest score lets the
    // waveform autoencoder's high errors on clean windows holding earthquakes outrank some damage: the workflow joins
    // the descriptor autoencoder instead (QcAutoencoderAucTest)
    for (DamageKind k : TARGET_KINDS) assertTrue(auc(2, List.of(k)) >= 0.94, k + " combined AUC " + auc(2, List.of(k)));
  }

  /**
   * A weighted combination, score = rules x (mse / ae_threshold)^w, with w fitted where it may be: on
   * the calibration station's clean and damaged windows. The fit gives the autoencoder no weight
   * (w = 0 is best there), and on the unseen stations every w > 0 tried is no better than the rules.
   */
  @Test
  void combinationWeightFittedOnTheCalibrationStationIsZero() {
    double[] ws = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2};
    double[] calibration = new double[ws.length];
    for (int i = 0; i < ws.length; i++) {
      double w = ws[i];
      StringBuilder b = new StringBuilder("w=" + w);
      for (Map<DamageKind, List<double[]>> m : List.of(calibrationScores, scores)) {
        b.append(m == scores ? " | unseen:" : " | calibration:");
        double[] clean = m.get(DamageKind.NONE).stream().mapToDouble(s -> weighted(s, w)).toArray();
        for (DamageKind k : QcAucTest.DAMAGE.kinds()) {
          b.append(String.format(Locale.ROOT, " %s=%.3f", k.label(), Auc.of(clean, m.get(k).stream().mapToDouble(s -> weighted(s, w)).toArray())));
        }
        double all = Auc.of(clean, QcAucTest.DAMAGE.kinds().stream().flatMap(k -> m.get(k).stream()).mapToDouble(s -> weighted(s, w)).toArray());
        b.append(String.format(Locale.ROOT, " all=%.3f", all));
        if (m == calibrationScores) calibration[i] = all;
      }
      System.out.println(b);
    }
    for (int i = 1; i < ws.length; i++) assertTrue(calibration[0] >= calibration[i], "w=" + ws[i] + " fits better: " + calibration[i]);
  }

  /** rules x (mse / threshold)^w; a window the autoencoder cannot score (all samples equal) keeps its rules score. */
  static double weighted(double[] s, double w) {
    return Double.isNaN(s[0]) ? s[1] : s[1] * Math.pow(s[0] / aeThreshold, w);
  }

  @Test
  void autoencoderScoreIsBetterThanChanceOverall() {
    double withTiming = auc(0, QcAucTest.DAMAGE.kinds());
    double withoutTiming = auc(0, TARGET_KINDS);
    System.out.printf(Locale.ROOT, "AUC all kinds: autoencoder %.3f (without timing %.3f), rules %.3f, combined %.3f%n",
        withTiming, withoutTiming, auc(1, QcAucTest.DAMAGE.kinds()), auc(2, QcAucTest.DAMAGE.kinds()));
    double[] fit = cleanFit.stream().mapToDouble(f -> f[0]).sorted().toArray();
    System.out.printf(Locale.ROOT, "32 numbers for 512 samples; clean unseen windows (%d): reconstruction MSE median %.3f mean %.3f"
        + " (robust units), variance explained mean %.3f%n", fit.length, fit[fit.length / 2], Arrays.stream(fit).average().orElseThrow(),
        cleanFit.stream().mapToDouble(f -> f[1]).average().orElseThrow());
    // measured 0.661 / 0.695 with robust scaling (peak scaling, as before: 0.46); the 0.85 is not reached
    assertTrue(withTiming >= 0.64, "autoencoder AUC " + withTiming);
    assertTrue(withoutTiming >= 0.68, "autoencoder AUC without timing " + withoutTiming);
  }
}
