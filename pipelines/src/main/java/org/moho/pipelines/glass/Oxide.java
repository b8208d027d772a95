package org.moho.pipelines.glass;

import java.util.Locale;

/**
 * The oxides {@code glass.composition} knows, with their molar masses and structural roles.
 *
 * <p>Molar masses are sums of the IUPAC 2021 standard atomic weights (CIAAW, Prohaska et al. 2022,
 * Pure Appl. Chem. 94:573), using the conventional single values for elements whose standard
 * weight is an interval (H, O, Mg, Si):
 * H 1.008, O 15.999, Na 22.98976928, Mg 24.305, Al 26.9815384, Si 28.085, P 30.973761998,
 * K 39.0983, Ca 40.078, Ti 47.867, Mn 54.938043, Fe 55.845 g/mol.
 *
 * <p>Optical basicities {@code lambda} of the pure oxides: Duffy &amp; Ingram (1976, J. Non-Cryst.
 * Solids 21:373) as tabulated by Mills (1993, ISIJ Int. 33:148): SiO2 0.48, TiO2 0.61,
 * Al2O3 0.60, FeO 1.00, Fe2O3 0.75, MnO 1.00, MgO 0.78, CaO 1.00, Na2O 1.15, K2O 1.40,
 * P2O5 0.40; H2O 0.40 (Duffy 1992, as used by Moretti 2005, Ann. Geophys. 48:583).
 */
public enum Oxide {
  SIO2("SiO2", Atom.SI, 1, 2, 4, 0.48),
  TIO2("TiO2", Atom.TI, 1, 2, 4, 0.61),
  AL2O3("Al2O3", Atom.AL, 2, 3, 3, 0.60),
  FEO("FeO", Atom.FE, 1, 1, 2, 1.00),
  FE2O3("Fe2O3", Atom.FE, 2, 3, 3, 0.75),
  MNO("MnO", Atom.MN, 1, 1, 2, 1.00),
  MGO("MgO", Atom.MG, 1, 1, 2, 0.78),
  CAO("CaO", Atom.CA, 1, 1, 2, 1.00),
  NA2O("Na2O", Atom.NA, 2, 1, 1, 1.15),
  K2O("K2O", Atom.K, 2, 1, 1, 1.40),
  P2O5("P2O5", Atom.P, 2, 5, 5, 0.40),
  H2O("H2O", Atom.H, 2, 1, 1, 0.40);

  /** IUPAC 2021 standard atomic weights (conventional values for H, O, Mg, Si), g/mol. */
  public static final class Atom {
    private Atom() {}

    public static final double H = 1.008;
    public static final double O = 15.999;
    public static final double NA = 22.98976928;
    public static final double MG = 24.305;
    public static final double AL = 26.9815384;
    public static final double SI = 28.085;
    public static final double P = 30.973761998;
    public static final double K = 39.0983;
    public static final double CA = 40.078;
    public static final double TI = 47.867;
    public static final double MN = 54.938043;
    public static final double FE = 55.845;
  }

  private final String formula;
  private final int cations;
  private final int oxygens;
  private final int charge;
  private final double molarMass;
  private final double opticalBasicity;

  Oxide(String formula, double cationWeight, int cations, int oxygens, int charge, double opticalBasicity) {
    this.formula = formula;
    this.cations = cations;
    this.oxygens = oxygens;
    this.charge = charge;
    this.molarMass = cations * cationWeight + oxygens * Atom.O;
    this.opticalBasicity = opticalBasicity;
  }

  public String formula() {
    return formula;
  }

  /** The column name, lower case ({@code sio2}); columns are matched case-insensitively. */
  public String column() {
    return formula.toLowerCase(Locale.ROOT);
  }

  /** Cations per formula unit (2 for Al2O3). */
  public int cations() {
    return cations;
  }

  /** Oxygens per formula unit. */
  public int oxygens() {
    return oxygens;
  }

  /** Charge of the cation (4 for Si4+, 3 for Fe3+ in Fe2O3). */
  public int charge() {
    return charge;
  }

  /** g/mol, from the atomic weights above. */
  public double molarMass() {
    return molarMass;
  }

  public double opticalBasicity() {
    return opticalBasicity;
  }
}
