package org.moho.models.glass;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moho.models.mlp.MlpCommittee;
import org.moho.models.mlp.NoiseCalibration;
import org.moho.models.mlp.Standardizer;

/**
 * A trained glass viscosity ensemble with what prediction needs beside the weights: the oxide
 * set, the calibrated data-noise σ, and the training compositions (for the extrapolation flag).
 * Either physics-informed (viscosity from predicted equation parameters) or plain.
 */
public final class GlassModel {
  /** File names inside a bundle folder. */
  public static final String MODEL_JSON = "model.json";
  public static final String GRAPH = "graph.sd";
  public static final String TRAIN_COMPOSITIONS = "train_compositions.csv";
  public static final String LOSS_PNG = "loss.png";
  /** model.json {@code inputs} of a network fed {@link CompositionDescriptors}; the other value is "fractions". */
  public static final String INPUTS_WITH_DESCRIPTORS = "fractions+descriptors/1";

  private final GlassTrainSettings.Model kind;
  private final List<String> oxides;
  private final PhysicsEnsemble physics;
  private final MlpCommittee plain;
  private final ViscosityEquation reported;
  private final double[][] trainCompositions;
  private final CompositionDescriptors plainDescriptors;
  private double noiseSigma;
  private double extrapolationDistance;

  /** @param plainDescriptors the plain model's descriptors (null: fractions only; the physics ensemble holds its own) */
  GlassModel(GlassTrainSettings.Model kind, List<String> oxides, PhysicsEnsemble physics, MlpCommittee plain,
      CompositionDescriptors plainDescriptors, ViscosityEquation reported, double[][] trainCompositions,
      double noiseSigma, double extrapolationDistance) {
    this.kind = kind;
    this.plainDescriptors = plainDescriptors;
    this.oxides = List.copyOf(oxides);
    this.physics = physics;
    this.plain = plain;
    this.reported = reported;
    this.trainCompositions = trainCompositions;
    this.noiseSigma = noiseSigma;
    this.extrapolationDistance = extrapolationDistance;
  }

  /** One prediction: the reported equation's ensemble mean and its calibrated σ. */
  public record Prediction(double log10Viscosity, double sigma, double sigmaEnsemble) {}

  /** Per melt: Tg (T at 10^12 Pa·s) and fragility m with their spread over members, and novelty. */
  public record Melt(double tg, double tgSd, double fragility, double fragilitySd, double nearestTrainingDistance,
      boolean extrapolating) {}

  public GlassTrainSettings.Model kind() { return kind; }
  public List<String> oxides() { return oxides; }
  public double noiseSigma() { return noiseSigma; }
  public double extrapolationDistance() { return extrapolationDistance; }
  public ViscosityEquation reported() { return reported; }
  public PhysicsEnsemble physics() { return physics; }
  MlpCommittee plain() { return plain; }

  void calibrate(double noiseSigma, double extrapolationDistance) {
    this.noiseSigma = noiseSigma;
    this.extrapolationDistance = extrapolationDistance;
  }

  /** {@code [member][row]} log10 viscosity of one equation (the plain model has just one). */
  public double[][] memberViscosity(double[][] fractions, double[] tempK, ViscosityEquation eq) {
    if (plain != null) return plain.predict(plainFeatures(fractions, tempK));
    MeltParameters[][] p = physics.parameters(fractions);
    double[][] out = new double[p.length][fractions.length];
    for (int m = 0; m < p.length; m++) for (int i = 0; i < fractions.length; i++) out[m][i] = eq.log10Viscosity(p[m][i], tempK[i]);
    return out;
  }

  public Prediction[] predict(double[][] fractions, double[] tempK) {
    double[][] ms = NoiseCalibration.meanAndSpread(memberViscosity(fractions, tempK, reported));
    Prediction[] out = new Prediction[fractions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Prediction(ms[0][i], Math.hypot(ms[1][i], noiseSigma), ms[1][i]);
    }
    return out;
  }

  /** Tg and m per melt: from the predicted parameters, or for the plain model by root finding. */
  public Melt[] melts(double[][] fractions) {
    Melt[] out = new Melt[fractions.length];
    if (physics != null) {
      MeltParameters[][] p = physics.parameters(fractions);
      for (int i = 0; i < fractions.length; i++) {
        double[] tg = new double[p.length], m = new double[p.length];
        for (int k = 0; k < p.length; k++) {
          tg[k] = p[k][i].tg();
          m[k] = p[k][i].fragility();
        }
        out[i] = melt(tg, m, fractions[i]);
      }
      return out;
    }
    for (int i = 0; i < fractions.length; i++) {
      int n = plain.members();
      double[] tg = new double[n], m = new double[n];
      for (int k = 0; k < n; k++) {
        final int member = k;
        final double[] x = fractions[i];
        java.util.function.DoubleUnaryOperator f = t -> plain.predict(plainFeatures(new double[][] {x}, new double[] {t}))[member][0];
        tg[k] = bisect(f, 300, 3000, 12.0);
        double h = 1.0;
        m[k] = Double.isNaN(tg[k]) ? Double.NaN
            : (f.applyAsDouble(tg[k] - h) - f.applyAsDouble(tg[k] + h)) / (tg[k] / (tg[k] - h) - tg[k] / (tg[k] + h));
      }
      out[i] = melt(tg, m, fractions[i]);
    }
    return out;
  }

  private Melt melt(double[] tg, double[] m, double[] x) {
    double d = nearestTrainingDistance(x);
    return new Melt(mean(tg), sd(tg), mean(m), sd(m), d, d > extrapolationDistance);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  private static double sd(double[] v) {
    if (v.length < 2) return 0;
    double mu = mean(v), s = 0;
    for (double x : v) s += (x - mu) * (x - mu);
    return Math.sqrt(s / (v.length - 1));
  }

  /** The T at which f(T) = target for a function decreasing in T, or NaN when outside [lo, hi]. */
  static double bisect(java.util.function.DoubleUnaryOperator f, double lo, double hi, double target) {
    double flo = f.applyAsDouble(lo) - target, fhi = f.applyAsDouble(hi) - target;
    if (flo * fhi > 0) return Double.NaN;
    for (int i = 0; i < 50; i++) {
      double mid = 0.5 * (lo + hi);
      double fm = f.applyAsDouble(mid) - target;
      if ((fm > 0) == (flo > 0)) {
        lo = mid;
        flo = fm;
      } else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** Euclidean distance in mole fractions to the nearest training composition. */
  public double nearestTrainingDistance(double[] x) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] t : trainCompositions) {
      double s = 0;
      for (int j = 0; j < x.length; j++) s += (x[j] - t[j]) * (x[j] - t[j]);
      best = Math.min(best, s);
    }
    return Math.sqrt(best);
  }

  private double[][] plainFeatures(double[][] fractions, double[] tempK) {
    return plainFeatures(fractions, tempK, plainDescriptors);
  }

  /**
   * The plain model's inputs: mole fractions (and the descriptors, unless null) and 1000/T
   * (Arrhenius-like, so the net needs less curvature).
   */
  static double[][] plainFeatures(double[][] fractions, double[] tempK, CompositionDescriptors descriptors) {
    double[][] f = new double[fractions.length][];
    for (int i = 0; i < f.length; i++) {
      double[] x = descriptors == null ? fractions[i] : descriptors.inputs(fractions[i]);
      f[i] = java.util.Arrays.copyOf(x, x.length + 1);
      f[i][x.length] = 1000.0 / tempK[i];
    }
    return f;
  }

  /** Whether the network sees the {@link CompositionDescriptors} beside the fractions. */
  public boolean descriptors() {
    return physics != null ? physics.descriptors() : plainDescriptors != null;
  }

  double[][] trainCompositions() { return trainCompositions; }

  /** Loads a bundle folder written by {@link GlassTrainer}. */
  public static GlassModel load(Path bundle) throws IOException {
    JsonObject j = JsonParser.parseString(Files.readString(bundle.resolve(MODEL_JSON), StandardCharsets.UTF_8)).getAsJsonObject();
    if (!"moho.glass/1".equals(j.get("format").getAsString())) throw new IOException("not a glass bundle: " + bundle);
    GlassTrainSettings.Model kind = GlassTrainSettings.Model.valueOf(j.get("model").getAsString().toUpperCase());
    List<String> oxides = new ArrayList<>();
    j.getAsJsonArray("oxides").forEach(e -> oxides.add(e.getAsString()));
    JsonObject std = j.getAsJsonObject("standardizer");
    Standardizer s = new Standardizer(doubles(std.getAsJsonArray("mean")), doubles(std.getAsJsonArray("scale")));
    int members = j.get("members").getAsInt();
    // bundles written before the descriptors have no "inputs" key: fractions only
    CompositionDescriptors desc = j.has("inputs") && INPUTS_WITH_DESCRIPTORS.equals(j.get("inputs").getAsString())
        ? new CompositionDescriptors(oxides) : null;
    PhysicsEnsemble physics = null;
    MlpCommittee plain = null;
    if (kind == GlassTrainSettings.Model.PHYSICS) physics = PhysicsEnsemble.load(bundle.resolve(GRAPH), s, members, desc);
    else {
      JsonObject t = j.getAsJsonObject("target");
      plain = MlpCommittee.load(bundle.resolve(GRAPH), s, t.get("mean").getAsDouble(), t.get("scale").getAsDouble(), members, 1);
    }
    List<double[]> comps = new ArrayList<>();
    for (String line : Files.readAllLines(bundle.resolve(TRAIN_COMPOSITIONS), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith(oxides.get(0))) continue;
      String[] f = line.split(",");
      double[] x = new double[f.length];
      for (int i = 0; i < f.length; i++) x[i] = Double.parseDouble(f[i]);
      comps.add(x);
    }
    JsonObject cal = j.getAsJsonObject("calibration");
    return new GlassModel(kind, oxides, physics, plain, physics == null ? desc : null, ViscosityEquation.valueOf(j.get("reported_equation").getAsString()),
        comps.toArray(double[][]::new), cal.get("noise_sigma").getAsDouble(), cal.get("extrapolation_distance").getAsDouble());
  }

  static double[] doubles(JsonArray a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
    return v;
  }
}
