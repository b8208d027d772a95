package org.moho.models.glass;

import java.util.List;

/**
 * Network inputs of a melt: its mole fractions followed by a few aggregates that glass scientists
 * read viscosity from (Mysen and Richet 2019; GP-visc and i-Melt feed similar descriptors). A
 * network could in principle learn them from the fractions, but ratios and the charge balance
 * between Al and the modifiers are strongly non-linear in them; given directly, they let a small
 * network generalise to held-out melts with fewer training rows.
 *
 * <p>The descriptors, all finite for every composition (oxides absent from the model count as 0):
 * <ol>
 *   <li>NBO/T: non-bridging oxygens per tetrahedral cation, (2 O − 4 T) / T with T = Si + Ti + Al +
 *       Fe³⁺ + P, clipped to [0, 4] (0 for a fully polymerised or peraluminous melt);
 *   <li>alkalis Na2O + K2O;
 *   <li>other modifiers MgO + CaO + FeO + MnO;
 *   <li>Al2O3 / (Al2O3 + modifiers): charge balance, 0.5 at the metaluminous join;
 *   <li>K2O / (Na2O + K2O) (mixed-alkali effect);
 *   <li>CaO / (MgO + CaO);
 *   <li>SiO2 / (SiO2 + Al2O3);
 *   <li>modifiers in excess of Al2O3 (signed): the depolymerising share.
 * </ol>
 * Ratios use a denominator offset of 0.01 (1 mol%) so that they stay smooth when both parts vanish.
 */
public final class CompositionDescriptors {
  /** Names of the appended columns, in order. */
  public static final List<String> NAMES = List.of(
      "nbo_t", "alkalis", "earth_modifiers", "al_charge_balance", "k_na_ratio", "ca_mg_ratio", "si_al_ratio",
      "excess_modifiers");

  private static final double EPS = 0.01;

  private final int[] index;

  /** @param oxides the model's oxide columns (names of {@link Oxides#GPVISC}) */
  public CompositionDescriptors(List<String> oxides) {
    index = new int[Oxides.GPVISC.size()];
    for (int i = 0; i < index.length; i++) index[i] = oxides.indexOf(Oxides.GPVISC.get(i));
  }

  private double get(double[] x, String oxide) {
    int k = index[Oxides.GPVISC.indexOf(oxide)];
    return k < 0 ? 0 : x[k];
  }

  /** The mole fractions followed by {@link #NAMES}. */
  public double[] inputs(double[] fractions) {
    double si = get(fractions, "sio2"), ti = get(fractions, "tio2"), al = get(fractions, "al2o3"),
        feo = get(fractions, "feo"), fe3 = get(fractions, "fe2o3"), mn = get(fractions, "mno"),
        mg = get(fractions, "mgo"), ca = get(fractions, "cao"), na = get(fractions, "na2o"),
        k = get(fractions, "k2o"), p = get(fractions, "p2o5"), h = get(fractions, "h2o");
    double t = si + ti + 2 * al + 2 * fe3 + 2 * p;
    double o = 2 * si + 2 * ti + 3 * al + feo + 3 * fe3 + mn + mg + ca + na + k + 5 * p + h;
    double nbot = t > 1e-9 ? Math.min(4, Math.max(0, (2 * o - 4 * t) / t)) : 4;
    double alk = na + k, earth = mg + ca + feo + mn;
    double[] out = java.util.Arrays.copyOf(fractions, fractions.length + NAMES.size());
    int j = fractions.length;
    out[j++] = nbot;
    out[j++] = alk;
    out[j++] = earth;
    out[j++] = al / (al + alk + earth + EPS);
    out[j++] = k / (alk + EPS);
    out[j++] = ca / (mg + ca + EPS);
    out[j++] = si / (si + al + EPS);
    out[j] = alk + earth + h - al;
    return out;
  }

  /**
   * Whether the melt holds any network-forming oxide (SiO2, TiO2, Al2O3, Fe2O3, P2O5). One without,
   * such as pure H2O in GP-visc (Tg near 136 K, a molecular liquid), lies outside the physics and
   * the parameter priors of the model (DESIGN note in docs/stages/glass.md).
   */
  public boolean hasNetworkFormer(double[] fractions) {
    return get(fractions, "sio2") + get(fractions, "tio2") + get(fractions, "al2o3") + get(fractions, "fe2o3")
        + get(fractions, "p2o5") > 0;
  }

  /** {@link #inputs} of every row. */
  public double[][] inputs(double[][] fractions) {
    double[][] out = new double[fractions.length][];
    for (int i = 0; i < out.length; i++) out[i] = inputs(fractions[i]);
    return out;
  }
}
