package org.moho.models.glass;

/**
 * The three viscosity equations (log10 Pa·s against T in K), each written so that it passes
 * through 12 at Tg: VFT's B and C and Adam–Gibbs' Be are derived from (A, Tg, m) and Sconf(Tg),
 * as in i-Melt (Le Losq, Valentine et al. 2021). The same formulas are built into the SameDiff
 * graph by {@link PhysicsViscosityGraph}; a test checks that both agree.
 */
public enum ViscosityEquation {
  /** Mauro et al. 2009: A + (12 − A)(Tg/T) exp[(m/(12 − A) − 1)(Tg/T − 1)]; finite at every T > 0. */
  MYEGA,
  /** Vogel–Fulcher–Tammann: A + B/(T − C), B = (12 − A)² Tg / m, C = Tg (1 − (12 − A)/m). */
  VFT,
  /** Adam–Gibbs: Ae + Be/(T Sconf(T)), Be = (12 − Ae) Tg Sconf(Tg), Sconf(T) = Sconf(Tg) + Cp_conf ln(T/Tg). */
  ADAM_GIBBS;

  /**
   * Lower bound on the VFT and Adam–Gibbs denominators (relative units): below it the equation
   * has passed its divergence (T ≤ C, or Sconf ≤ 0), where it no longer describes a melt.
   */
  static final double MIN_DENOMINATOR = 0.05;

  public double log10Viscosity(MeltParameters p, double tempK) {
    double u = p.tg() / tempK;
    double amp = 12 - p.a();
    return switch (this) {
      case MYEGA -> p.a() + amp * u * Math.exp(p.c() * (u - 1));
      case VFT -> p.a() + amp / Math.max((1 + p.cVft()) * (1 / u - 1) + 1, MIN_DENOMINATOR);
      case ADAM_GIBBS -> p.a() + amp * u / Math.max(1 + p.cpConf() / p.scTg() * Math.log(tempK / p.tg()), MIN_DENOMINATOR);
    };
  }

  public String key() {
    return switch (this) {
      case MYEGA -> "myega";
      case VFT -> "vft";
      case ADAM_GIBBS -> "ag";
    };
  }
}
