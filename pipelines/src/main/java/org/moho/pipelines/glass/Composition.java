package org.moho.pipelines.glass;

import java.util.EnumMap;
import java.util.Map;

/**
 * An oxide composition (amounts per oxide, in wt% or mol%) and the conversions and structural
 * descriptors computed from it. Immutable; absent oxides are zero.
 */
public final class Composition {
  /** What the amounts are. */
  public enum Units {
    WT,
    MOL
  }

  private final Units units;
  private final EnumMap<Oxide, Double> amounts;

  public Composition(Units units, Map<Oxide, Double> amounts) {
    this.units = units;
    this.amounts = new EnumMap<>(Oxide.class);
    for (Oxide o : Oxide.values()) this.amounts.put(o, amounts.getOrDefault(o, 0.0));
  }

  public Units units() {
    return units;
  }

  public double get(Oxide o) {
    return amounts.get(o);
  }

  public double sum() {
    double s = 0;
    for (double v : amounts.values()) s += v;
    return s;
  }

  /** Scaled to sum to 100 (idempotent up to rounding). */
  public Composition normalised() {
    double s = sum();
    EnumMap<Oxide, Double> m = new EnumMap<>(Oxide.class);
    for (Oxide o : Oxide.values()) m.put(o, amounts.get(o) * 100.0 / s);
    return new Composition(units, m);
  }

  /** mol% (summing to 100): from wt% divide by molar mass; from mol% just normalise. */
  public Composition toMol() {
    if (units == Units.MOL) return normalised();
    EnumMap<Oxide, Double> m = new EnumMap<>(Oxide.class);
    for (Oxide o : Oxide.values()) m.put(o, amounts.get(o) / o.molarMass());
    return new Composition(Units.MOL, m).normalised();
  }

  /** wt% (summing to 100): from mol% multiply by molar mass. */
  public Composition toWt() {
    if (units == Units.WT) return normalised();
    EnumMap<Oxide, Double> m = new EnumMap<>(Oxide.class);
    for (Oxide o : Oxide.values()) m.put(o, amounts.get(o) * o.molarMass());
    return new Composition(Units.WT, m).normalised();
  }

  /** Moles of the cation of {@code o} per 100 mol of oxides. */
  private static double cation(Composition mol, Oxide o) {
    return mol.get(o) * o.cations();
  }

  /** Al/(Al+Si), cation ratio; NaN without Al and Si. */
  public double alOverAlSi() {
    Composition m = toMol();
    double al = cation(m, Oxide.AL2O3);
    double si = cation(m, Oxide.SIO2);
    return al + si > 0 ? al / (al + si) : Double.NaN;
  }

  /** (Na+K)/Al, cation ratio; NaN without Al. */
  public double alkalisOverAl() {
    Composition m = toMol();
    double al = cation(m, Oxide.AL2O3);
    return al > 0 ? (cation(m, Oxide.NA2O) + cation(m, Oxide.K2O)) / al : Double.NaN;
  }

  /**
   * Non-bridging oxygens per tetrahedral cation (Mysen 1988, Structure and Properties of Silicate
   * Melts): T = Si + Ti + Al + Fe3+ (Ti and all Fe3+ taken as tetrahedral network formers, the
   * trivalent ones charge-balanced by modifiers); NBO = total charge of the modifiers
   * (2(Fe2+ + Mn + Mg + Ca) + Na + K + H, water counted as OH groups that break bridges) minus the
   * charge used to balance tetrahedral Al and Fe3+, and 0 when that is negative (peraluminous).
   * P is left out of both (a P tetrahedron carries a P=O and no modifier). A tetrahedron has at
   * most 4 non-bridging oxygens, so NBO/T is capped at 4 (orthosilicate): modifier oxide beyond that
   * gives free O2- ions, not NBO (e.g. the CaO-MgO-rich slags of the GP-visc file). NaN when T = 0.
   */
  public double nbOverT() {
    Composition m = toMol();
    double t = cation(m, Oxide.SIO2) + cation(m, Oxide.TIO2) + cation(m, Oxide.AL2O3) + cation(m, Oxide.FE2O3);
    double modifiers = 2 * (cation(m, Oxide.FEO) + cation(m, Oxide.MNO) + cation(m, Oxide.MGO) + cation(m, Oxide.CAO))
        + cation(m, Oxide.NA2O) + cation(m, Oxide.K2O) + cation(m, Oxide.H2O);
    double nbo = Math.max(0, modifiers - cation(m, Oxide.AL2O3) - cation(m, Oxide.FE2O3));
    return t > 0 ? Math.min(4.0, nbo / t) : Double.NaN;
  }

  /**
   * Optical basicity (Duffy &amp; Ingram 1976): the mean of the oxides' lambda weighted by the
   * oxygen each brings, {@code sum(x_i n_i lambda_i) / sum(x_i n_i)} with x in mole fractions and
   * n the oxygens per formula; lambda values in {@link Oxide}.
   */
  public double opticalBasicity() {
    Composition m = toMol();
    double num = 0;
    double den = 0;
    for (Oxide o : Oxide.values()) {
      num += m.get(o) * o.oxygens() * o.opticalBasicity();
      den += m.get(o) * o.oxygens();
    }
    return den > 0 ? num / den : Double.NaN;
  }
}
