package org.moho.models.glass;

import java.io.Serializable;

/**
 * The parameters the physics-informed network predicts for one melt, shared by its three
 * viscosity equations so that all of them give 10^12 Pa·s at the same {@code tg}.
 *
 * @param a pre-exponential factor A, log10 Pa·s (the high-temperature limit, shared)
 * @param tg glass transition temperature, K (viscosity 10^12 Pa·s)
 * @param c excess fragility {@code m / (12 - A) - 1} of MYEGA (≥ 0; 0 is an Arrhenius melt)
 * @param cVft the same for VFT, fitted on its own: VFT's and MYEGA's shapes differ, and forcing
 *     one m on both pulled each away from the data (test RMSE 0.50 against 0.42 for Adam–Gibbs)
 * @param scTg configurational entropy at Tg, J/mol/K (Adam–Gibbs)
 * @param cpConf configurational heat capacity, J/mol/K, taken constant above and below Tg
 */
public record MeltParameters(double a, double tg, double c, double cVft, double scTg, double cpConf) implements Serializable {
  /** Fragility m = d log10 η / d(Tg/T) at Tg of MYEGA, the reported one. */
  public double fragility() {
    return (12 - a) * (1 + c);
  }

  public double fragilityVft() {
    return (12 - a) * (1 + cVft);
  }

  /** The Adam–Gibbs fragility, which depends on Cp_conf / Sconf(Tg) instead of c. */
  public double fragilityAdamGibbs() {
    return (12 - a) * (1 + cpConf / scTg);
  }
}
