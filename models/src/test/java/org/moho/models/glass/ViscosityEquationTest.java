package org.moho.models.glass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViscosityEquationTest {
  // A silicate-like melt: A = −3, Tg = 1000 K, m = 40 (c = 40/15 − 1), Sconf(Tg) = 8, Cp_conf = 12.
  private final MeltParameters p = new MeltParameters(-3, 1000, 40.0 / 15 - 1, 40.0 / 15 - 1, 8, 12);

  @Test
  void everyEquationGives1e12AtTg() {
    for (ViscosityEquation eq : ViscosityEquation.values()) assertEquals(12.0, eq.log10Viscosity(p, 1000), 1e-12, eq.name());
  }

  @Test
  void vftMatchesTheTextbookFormWithDerivedBAndC() {
    double m = p.fragilityVft();
    double b = Math.pow(12 - p.a(), 2) * p.tg() / m;
    double c = p.tg() * (1 - (12 - p.a()) / m);
    for (double t : new double[] {900, 1200, 1800}) {
      assertEquals(p.a() + b / (t - c), ViscosityEquation.VFT.log10Viscosity(p, t), 1e-9);
    }
  }

  @Test
  void adamGibbsMatchesItsTextbookForm() {
    double be = (12 - p.a()) * p.tg() * p.scTg();
    for (double t : new double[] {950, 1300, 2000}) {
      double sconf = p.scTg() + p.cpConf() * Math.log(t / p.tg());
      assertEquals(p.a() + be / (t * sconf), ViscosityEquation.ADAM_GIBBS.log10Viscosity(p, t), 1e-9);
    }
  }

  @Test
  void slopeAtTgIsTheFragility() {
    double h = 1e-5;
    double[] expected = {p.fragility(), p.fragilityVft(), p.fragilityAdamGibbs()};
    for (ViscosityEquation eq : ViscosityEquation.values()) {
      // m = d log η / d(Tg/T) at T = Tg
      double up = eq.log10Viscosity(p, p.tg() / (1 + h)), down = eq.log10Viscosity(p, p.tg() / (1 - h));
      assertEquals(expected[eq.ordinal()], (up - down) / (2 * h), 1e-4, eq.name());
    }
    assertEquals(40.0, p.fragility(), 1e-12);
  }
}
