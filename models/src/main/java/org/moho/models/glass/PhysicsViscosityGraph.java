package org.moho.models.glass;

import java.util.List;
import org.moho.models.mlp.EnsembleGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The physics-informed SameDiff graph: an {@link EnsembleGraph} trunk maps the standardised
 * composition {@code x [N, B, oxides]} to five raw outputs per melt, which become
 * {@link MeltParameters} (A, Tg, excess fragilities c of MYEGA and VFT, Sconf(Tg), Cp_conf) through fixed
 * transforms that keep them physical (Tg > 0, 0 ≤ c ≤ 6 so that 12 − A ≤ m ≤ 7 (12 − A) and VFT's C lies below
 * Tg, Sconf(Tg) > 0, Cp_conf > 0). The viscosity of every equation is computed inside the graph
 * from {@code t [N, B]} (T / 1000 K) and the loss is the weighted mean squared error of all
 * equations against {@code y [N, B]}, so the network is trained end to end on all at once.
 *
 * <p>Named outputs: {@code a, tg} (K), {@code c, c_vft, m, sctg, cpconf, y_myega, y_vft, y_ag,
 * member_loss [N], loss}.
 */
public final class PhysicsViscosityGraph {
  /** Priors at which the raw outputs start (they are centred on them). */
  static final double A0 = -3.0;
  static final double TG0_KK = 0.9;
  static final double C0 = 1.5;
  /**
   * Upper bound of the excess fragility c: m ≤ 7 (12 − A), about 105 for A = −3, above every oxide
   * melt. Unbounded, a melt far from the training set could get a huge c and MYEGA then explodes
   * below Tg (a small CI model predicted 10^1000 Pa·s for some held-out melts).
   */
  static final double C_MAX = 6.0;
  static final double SC0 = 10.0;
  static final double CP_RATIO0 = 1.0;

  private PhysicsViscosityGraph() {}

  /** @param weights loss weights of MYEGA, VFT and Adam–Gibbs, in that order */
  public static SameDiff build(int members, int inputs, List<Integer> hidden, EnsembleGraph.Activation act,
      long seed, double[] weights) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.FLOAT, members, -1, inputs);
    SDVariable t = sd.placeHolder("t", DataType.FLOAT, members, -1);
    SDVariable y = sd.placeHolder("y", DataType.FLOAT, members, -1);
    SDVariable raw = EnsembleGraph.trunk(sd, x, members, inputs, hidden, 6, seed, act, 0.1);
    SDVariable[] z = sd.unstack(raw, 2, 6);

    SDVariable a = z[0].add(A0).rename("a");
    SDVariable tgk = sd.math.exp(z[1].mul(0.25)).mul(TG0_KK);
    tgk.mul(1000.0).rename("tg");
    SDVariable c = sd.nn.sigmoid(z[2].add(inverseSigmoid(C0 / C_MAX))).mul(C_MAX).rename("c");
    SDVariable cVft = sd.nn.sigmoid(z[5].add(inverseSigmoid(C0 / C_MAX))).mul(C_MAX).rename("c_vft");
    SDVariable amp = a.rsub(12.0);
    amp.mul(c.add(1.0)).rename("m");
    SDVariable sc = sd.math.exp(z[3].mul(0.5)).mul(SC0).rename("sctg");
    SDVariable ratio = sd.nn.softplus(z[4].add(inverseSoftplus(CP_RATIO0)));
    sc.mul(ratio).rename("cpconf");

    SDVariable u = tgk.div(t); // Tg / T
    SDVariable yMyega = a.add(amp.mul(u).mul(sd.math.exp(c.mul(u.sub(1.0))))).rename("y_myega");
    SDVariable vftDen = cVft.add(1.0).mul(t.div(tgk).sub(1.0)).add(1.0);
    SDVariable yVft = a.add(amp.div(atLeast(vftDen, ViscosityEquation.MIN_DENOMINATOR)))
        .rename("y_vft");
    SDVariable sRel = ratio.mul(sd.math.log(t.div(tgk))).add(1.0);
    SDVariable yAg = a.add(amp.mul(u).div(atLeast(sRel, ViscosityEquation.MIN_DENOMINATOR)))
        .rename("y_ag");

    double wSum = weights[0] + weights[1] + weights[2];
    SDVariable perRow = sd.math.squaredDifference(yMyega, y).mul(weights[0] / wSum)
        .add(sd.math.squaredDifference(yVft, y).mul(weights[1] / wSum))
        .add(sd.math.squaredDifference(yAg, y).mul(weights[2] / wSum));
    SDVariable memberLoss = perRow.mean("member_loss", 1);
    memberLoss.sum("loss");
    sd.setLossVariables("loss");
    return sd;
  }

  /** max(v, floor) written as relu(v − floor) + floor: one op each, and a zero gradient below. */
  private static SDVariable atLeast(SDVariable v, double floor) {
    return v.getSameDiff().nn.relu(v.sub(floor), 0).add(floor);
  }

  private static double inverseSigmoid(double v) {
    return Math.log(v / (1 - v));
  }

  private static double inverseSoftplus(double v) {
    return Math.log(Math.expm1(v));
  }
}
