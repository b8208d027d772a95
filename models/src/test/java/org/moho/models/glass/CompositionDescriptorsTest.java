package org.moho.models.glass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Row;

/**
 * The descriptors against textbook values: NBO/T is 0 for SiO2 and for albite NaAlSi3O8 (Al fully
 * charge-balanced by Na), 1 for sodium disilicate Na2Si2O5 and 2 for metasilicate Na2SiO3
 * (Mysen and Richet 2019, ch. 2: NBO/T = 4 − 2·O/T).
 */
class CompositionDescriptorsTest {
  static final List<String> OXIDES = Oxides.GPVISC;
  final CompositionDescriptors d = new CompositionDescriptors(OXIDES);
  static ViscosityData data;

  @org.junit.jupiter.api.BeforeAll
  static void read() throws Exception {
    data = ViscosityData.fromRows(CsvRows.read(Path.of(System.getProperty("moho.repo"))
        .resolve("data/glass/gpvisc_lp_viscosity_train.csv")), "Name", "T", "viscosity", null);
  }

  static double[] melt(Map<String, Double> molPercent) {
    return ViscosityData.fractions(new Row("m", Map.copyOf(molPercent)), OXIDES);
  }

  double descriptor(double[] x, String name) {
    return d.inputs(x)[OXIDES.size() + CompositionDescriptors.NAMES.indexOf(name)];
  }

  @Test
  void nboPerTetrahedronOfKnownGlasses() {
    assertEquals(0.0, descriptor(melt(Map.of("sio2", 100.0)), "nbo_t"), 1e-12);
    assertEquals(1.0, descriptor(melt(Map.of("sio2", 66.667, "na2o", 33.333)), "nbo_t"), 1e-3);
    assertEquals(2.0, descriptor(melt(Map.of("sio2", 50.0, "na2o", 50.0)), "nbo_t"), 1e-12);
    double[] albite = melt(Map.of("sio2", 75.0, "al2o3", 12.5, "na2o", 12.5));
    assertEquals(0.0, descriptor(albite, "nbo_t"), 1e-12);
    assertEquals(0.125 / 0.26, descriptor(albite, "al_charge_balance"), 1e-12); // 0.5 at the metaluminous join, less the 1 mol% offset
    assertEquals(0.0, descriptor(albite, "excess_modifiers"), 1e-12);
  }

  @Test
  void inputsKeepTheFractionsFirstAndStayFiniteForEveryDatabaseMelt() {
    CompositionDescriptors desc = new CompositionDescriptors(data.oxides());
    for (double[] x : data.composition()) {
      double[] in = desc.inputs(x);
      assertEquals(x.length + CompositionDescriptors.NAMES.size(), in.length);
      for (int j = 0; j < in.length; j++) {
        assertTrue(Double.isFinite(in[j]), "column " + j);
        if (j < x.length) assertEquals(x[j], in[j]);
      }
    }
  }

  @Test
  void pureWaterIsTheOnlyDatabaseMeltWithoutANetworkFormer() {
    CompositionDescriptors desc = new CompositionDescriptors(data.oxides());
    java.util.Set<String> without = new java.util.TreeSet<>();
    for (int i = 0; i < data.size(); i++) if (!desc.hasNetworkFormer(data.composition()[i])) without.add(data.names().get(i));
    assertEquals(java.util.Set.of("staffmnkmcph_0_0_0_0_0_0_0_0_0_0_0_100"), without);
    assertTrue(d.hasNetworkFormer(melt(Map.of("sio2", 1.0, "h2o", 99.0))));
    assertFalse(d.hasNetworkFormer(melt(Map.of("cao", 50.0, "mgo", 50.0))));
  }
}
