package org.moho.models.glass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.models.mlp.NoiseCalibration;

/** Property checks of a trained model, shared by the tests and the benchmark main class. */
public final class GlassChecks {
  private GlassChecks() {}

  /**
   * Compositions (of {@code fractions}) whose reported ensemble-mean viscosity is not strictly
   * decreasing on a grid of {@code steps} temperatures over [fromK, toK].
   */
  public static List<Integer> nonMonotonic(GlassModel model, double[][] fractions, double fromK, double toK, int steps) {
    double[][] x = new double[fractions.length * steps][];
    double[] t = new double[x.length];
    for (int i = 0; i < fractions.length; i++) for (int k = 0; k < steps; k++) {
      x[i * steps + k] = fractions[i];
      t[i * steps + k] = fromK + (toK - fromK) * k / (steps - 1);
    }
    GlassModel.Prediction[] p = model.predict(x, t);
    List<Integer> bad = new java.util.ArrayList<>();
    for (int i = 0; i < fractions.length; i++) {
      for (int k = 1; k < steps; k++) {
        if (!(p[i * steps + k].log10Viscosity() < p[i * steps + k - 1].log10Viscosity())) {
          bad.add(i);
          break;
        }
      }
    }
    return bad;
  }

  /**
   * Agreement of the three equations on some measured points: for each pair, the share of points
   * where they differ by less than the stated 2σ of the reported prediction, and the RMS difference.
   */
  public static Map<String, double[]> equationAgreement(GlassModel model, double[][] fractions, double[] tempK) {
    GlassModel.Prediction[] p = model.predict(fractions, tempK);
    double[][] mean = new double[3][];
    ViscosityEquation[] eqs = ViscosityEquation.values();
    for (int e = 0; e < 3; e++) mean[e] = NoiseCalibration.meanAndSpread(model.memberViscosity(fractions, tempK, eqs[e]))[0];
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int a = 0; a < 3; a++) for (int b = a + 1; b < 3; b++) {
      int within = 0;
      double se = 0;
      for (int i = 0; i < tempK.length; i++) {
        double d = mean[a][i] - mean[b][i];
        se += d * d;
        if (Math.abs(d) <= 2 * p[i].sigma()) within++;
      }
      out.put(eqs[a].key() + "-" + eqs[b].key(), new double[] {within / (double) tempK.length, Math.sqrt(se / tempK.length)});
    }
    return out;
  }
}
