package org.moho.pipelines.glass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/** glass.composition against hand-worked examples and the real GP-visc training file. */
class GlassCompositionTest {
  private static final GlassCompositionConfig MOL = new GlassCompositionConfig(Composition.Units.MOL, 1.0, true);
  private static final GlassCompositionConfig WT = new GlassCompositionConfig(Composition.Units.WT, 1.0, true);

  private static Composition mol(Object... pairs) {
    Map<Oxide, Double> m = new EnumMap<>(Oxide.class);
    for (int k = 0; k < pairs.length; k += 2) m.put((Oxide) pairs[k], ((Number) pairs[k + 1]).doubleValue());
    return new Composition(Composition.Units.MOL, m);
  }

  /**
   * Molar masses from the IUPAC 2021 atomic weights, worked by hand:
   * SiO2 = 28.085 + 2(15.999) = 60.083; Al2O3 = 2(26.9815384) + 3(15.999) = 101.9600768;
   * Na2O = 2(22.98976928) + 15.999 = 61.97853856; CaO = 56.077; MgO = 40.304;
   * FeO = 71.844; Fe2O3 = 159.687; H2O = 18.015; P2O5 = 141.942523996.
   */
  @Test
  void molarMasses() {
    assertEquals(60.083, Oxide.SIO2.molarMass(), 1e-9);
    assertEquals(101.9600768, Oxide.AL2O3.molarMass(), 1e-9);
    assertEquals(61.97853856, Oxide.NA2O.molarMass(), 1e-9);
    assertEquals(56.077, Oxide.CAO.molarMass(), 1e-9);
    assertEquals(40.304, Oxide.MGO.molarMass(), 1e-9);
    assertEquals(71.844, Oxide.FEO.molarMass(), 1e-9);
    assertEquals(159.687, Oxide.FE2O3.molarMass(), 1e-9);
    assertEquals(18.015, Oxide.H2O.molarMass(), 1e-9);
    assertEquals(141.942523996, Oxide.P2O5.molarMass(), 1e-9);
  }

  /**
   * Albite NaAlSi3O8 = 12.5 Na2O, 12.5 Al2O3, 75 SiO2 mol%. Masses: 12.5 x 61.97854 = 774.732,
   * 12.5 x 101.96008 = 1274.501, 75 x 60.083 = 4506.225; total 6555.458 -> wt% 11.818, 19.442,
   * 68.740. Cations: Na 25, Al 25, Si 75 -> Al/(Al+Si) = 0.25, (Na+K)/Al = 1, NBO = 25 - 25 = 0.
   * Optical basicity: (12.5x1x1.15 + 12.5x3x0.60 + 75x2x0.48) / (12.5 + 37.5 + 150) = 108.875/200 = 0.544375.
   */
  @Test
  void albite() {
    Composition ab = mol(Oxide.NA2O, 12.5, Oxide.AL2O3, 12.5, Oxide.SIO2, 75);
    Composition wt = ab.toWt();
    assertEquals(11.818, wt.get(Oxide.NA2O), 0.001);
    assertEquals(19.442, wt.get(Oxide.AL2O3), 0.001);
    assertEquals(68.740, wt.get(Oxide.SIO2), 0.001);
    Composition back = wt.toMol();
    for (Oxide o : Oxide.values()) assertEquals(ab.get(o), back.get(o), 1e-9, o.formula());
    assertEquals(0.25, ab.alOverAlSi(), 1e-12);
    assertEquals(1.0, ab.alkalisOverAl(), 1e-12);
    assertEquals(0.0, ab.nbOverT(), 1e-12);
    assertEquals(0.544375, ab.opticalBasicity(), 1e-12);
  }

  /**
   * Diopside CaMgSi2O6 = 25 CaO, 25 MgO, 50 SiO2 mol%: masses 1401.925, 1007.6, 3004.15; total
   * 5413.675 -> wt% CaO 25.896, MgO 18.612, SiO2 55.492 (the textbook analysis of diopside).
   * NBO/T = (2x25 + 2x25)/50 = 2 (a chain silicate). Lambda = (25 + 25x0.78 + 100x0.48)/150 = 0.616667.
   */
  @Test
  void diopside() {
    Composition di = mol(Oxide.CAO, 25, Oxide.MGO, 25, Oxide.SIO2, 50);
    Composition wt = di.toWt();
    assertEquals(25.896, wt.get(Oxide.CAO), 0.001);
    assertEquals(18.612, wt.get(Oxide.MGO), 0.001);
    assertEquals(55.492, wt.get(Oxide.SIO2), 0.001);
    assertEquals(2.0, di.nbOverT(), 1e-12);
    assertEquals(92.5 / 150, di.opticalBasicity(), 1e-12);
    assertTrue(Double.isNaN(di.alkalisOverAl()), "no Al: undefined");
  }

  /** Na2Si2O5 (Na2O + 2 SiO2): 2 Na+ break 2 bridges over 2 Si -> NBO/T = 1. Pure SiO2: 0, Lambda 0.48. */
  @Test
  void disilicateAndSilica() {
    assertEquals(1.0, mol(Oxide.NA2O, 1, Oxide.SIO2, 2).nbOverT(), 1e-12);
    assertEquals(0.0, mol(Oxide.SIO2, 100).nbOverT(), 1e-12);
    assertEquals(0.48, mol(Oxide.SIO2, 100).opticalBasicity(), 1e-12);
    // 9 SiO2, 30 MgO, 61 CaO (row 6404 of the GP-visc file): 182 modifier charges over 9 Si, capped at 4.
    assertEquals(4.0, mol(Oxide.SIO2, 9, Oxide.MGO, 30, Oxide.CAO, 61).nbOverT(), 1e-12);
    assertEquals(3.5, mol(Oxide.SIO2, 40, Oxide.MGO, 70).nbOverT(), 1e-12);
    // Peraluminous: Al2O3 beyond the alkalis leaves no NBO (clamped at 0), T counts all Al.
    assertEquals(0.0, mol(Oxide.NA2O, 5, Oxide.AL2O3, 15, Oxide.SIO2, 80).nbOverT(), 1e-12);
  }

  /** On every row of the real file: sums near 100, renormalisation idempotent, wt<->mol round trip exact. */
  @Test
  void realFileIsMolPercentAndRenormalisationIsIdempotent() throws IOException, RecordException {
    List<Row> rows = readCsv(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv"));
    assertEquals(12294, rows.size());
    double worst = 0;
    for (Row row : rows) {
      Composition c = GlassComposition.read(row, Composition.Units.MOL);
      assertEquals(row.number("sum"), c.sum(), 1e-9, "our sum equals the file's sum column, " + row.key());
      worst = Math.max(worst, Math.abs(c.sum() - 100));
      Composition once = c.normalised();
      Composition twice = once.normalised();
      Composition roundTrip = c.toWt().toMol();
      for (Oxide o : Oxide.values()) {
        assertEquals(once.get(o), twice.get(o), 1e-12);
        assertEquals(once.get(o), roundTrip.get(o), 1e-9);
      }
      double nbo = c.nbOverT();
      assertTrue(Double.isNaN(nbo) || nbo >= 0 && nbo <= 4 + 1e-9, row.key() + " NBO/T " + nbo);
      double lambda = c.opticalBasicity();
      assertTrue(lambda >= 0.40 - 1e-12 && lambda <= 1.40 + 1e-12, row.key());
    }
    assertTrue(worst <= 0.03 + 1e-9, "worst |sum - 100| " + worst);
  }

  /** The first row of the file: 50 SiO2, 12.5 MgO, 37.5 CaO mol% ("Wo 75"); NBO/T = (25 + 75)/50 = 2. */
  @Test
  void firstRowOfTheFileThroughTheStageFunction() throws IOException, RecordException {
    Row first = readCsv(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv")).get(0);
    Row out = GlassComposition.compose(MOL, first);
    assertEquals(50.0, out.number("sio2_mol"), 1e-12);
    assertEquals(2.0, out.number("nbo_t"), 1e-12);
    assertNull(out.get("nak_al"));
    // wt%: 50 x 60.083 = 3004.15, 12.5 x 40.304 = 503.8, 37.5 x 56.077 = 2102.8875; total 5610.8375.
    assertEquals(100 * 3004.15 / 5610.8375, out.number("sio2_wt"), 1e-9);
    assertEquals(first.get("Name"), out.get("Name"), "input columns are kept");
  }

  @Test
  void badRowsAreRejectedWithTheReason() {
    Row low = new Row("t:1", Map.of("SiO2", 60.0, "Al2O3", 20.0, "CaO", 10.0));
    RecordException e = assertThrows(RecordException.class, () -> GlassComposition.compose(WT, low));
    assertTrue(e.getMessage().contains("oxide sum 90.0000"), e.getMessage());
    Row text = new Row("t:2", Map.of("SiO2", "lots", "Al2O3", 20.0));
    assertTrue(assertThrows(RecordException.class, () -> GlassComposition.compose(WT, text)).getMessage().contains("SiO2"));
    Row none = new Row("t:3", Map.of("T", 1000.0));
    assertTrue(assertThrows(RecordException.class, () -> GlassComposition.compose(WT, none)).getMessage().contains("no oxide column"));
  }

  @Test
  void stageOnTheDirectRunnerSendsBadRowsToErrors() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    Row albiteWt = new Row("t:1", Map.of("sio2", 68.74, "al2o3", 19.44, "na2o", 11.82));
    Row low = new Row("t:2", Map.of("SiO2", 60.0, "Al2O3", 20.0, "CaO", 10.0));
    PCollection<Row> in = p.apply(Create.of(albiteWt, low).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("glass", StageInputs.of(in),
        new GlassComposition().create(WT, new StageContext("glass", Path.of("."), Path.of("target"), false)));
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<Row> l = new ArrayList<>();
      rows.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals(12.5, l.get(0).number("na2o_mol"), 0.01);
      assertEquals(0.0, l.get(0).number("nbo_t"), 0.01);
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errs -> {
      List<ErrorRecord> l = new ArrayList<>();
      errs.forEach(l::add);
      assertEquals(1, l.size());
      assertEquals("t:2", l.get(0).key());
      assertEquals("glass", l.get(0).stage());
      assertTrue(l.get(0).reason().contains("90.0000"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  static List<Row> readCsv(Path file) throws IOException {
    return GlassCompositionTestRows.read(file);
  }
}
