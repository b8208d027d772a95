package org.moho.pipelines.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.pipelines.glass.GlassCompositionTestRows;

/** FittedScaler against commons-math3 statistics, plus invariants. */
class FittedScalerTest {
  static final List<String> OXIDES = List.of("sio2", "tio2", "al2o3", "feo", "fe2o3", "mno", "mgo", "cao", "na2o", "k2o", "p2o5", "h2o");
  static final FeatureLayout GLASS = new FeatureLayout("vector", OXIDES.size(), OXIDES);

  /** The oxide columns of the real GP-visc training file as FeatureVectors. */
  static List<FeatureVector> glassVectors() throws IOException {
    List<FeatureVector> out = new ArrayList<>();
    for (Row r : GlassCompositionTestRows.read(Path.of(System.getProperty("moho.repo")).resolve("data/glass/gpvisc_lp_viscosity_train.csv"))) {
      float[] v = new float[OXIDES.size()];
      for (int i = 0; i < v.length; i++) v[i] = (float) r.number(OXIDES.get(i));
      out.add(new FeatureVector(r.key(), v, Map.of(FeatureLayout.NAMES_KEY, String.join(",", OXIDES))));
    }
    return out;
  }

  /** Mean and population std per feature equal commons-math3's on the 12,294 real compositions. */
  @Test
  void standardFitMatchesCommonsMathOnRealData() throws IOException {
    List<FeatureVector> vs = glassVectors();
    List<float[]> data = vs.stream().map(FeatureVector::values).toList();
    FittedScaler s = FittedScaler.fit(FittedScaler.Method.STANDARD, FeatureLayout.of(vs.get(0)), data);
    assertEquals(GLASS, s.layout());
    assertEquals(12294, s.records());
    for (int i = 0; i < OXIDES.size(); i++) {
      double[] col = new double[data.size()];
      for (int k = 0; k < col.length; k++) col[k] = data.get(k)[i];
      assertEquals(new Mean().evaluate(col), s.mean()[i], 1e-9, OXIDES.get(i));
      assertEquals(new StandardDeviation(false).evaluate(col), s.std()[i], 1e-9, OXIDES.get(i));
    }
    // Scaled training data: mean 0 and std 1 per feature (each oxide varies in this file).
    List<float[]> scaled = data.stream().map(s::apply).toList();
    FittedScaler again = FittedScaler.fit(FittedScaler.Method.STANDARD, GLASS, scaled);
    for (int i = 0; i < OXIDES.size(); i++) {
      assertEquals(0, again.mean()[i], 1e-5);
      assertEquals(1, again.std()[i], 1e-5);
    }
  }

  /** Property: merged partial fits equal one sequential fit; minmax maps training data into [0, 1]. */
  @Test
  void mergeEqualsSequentialAndMinMaxRange() {
    Random rnd = new Random(17);
    for (int trial = 0; trial < 20; trial++) {
      int len = 1 + rnd.nextInt(10);
      FeatureLayout l = new FeatureLayout("vector", len, List.of());
      List<float[]> data = new ArrayList<>();
      int n = 2 + rnd.nextInt(300);
      for (int k = 0; k < n; k++) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) (rnd.nextGaussian() * (i + 1) * 100 + 1e4 * i);
        data.add(x);
      }
      FittedScaler.Moments all = new FittedScaler.Moments(null);
      List<FittedScaler.Moments> parts = new ArrayList<>();
      for (float[] x : data) {
        if (parts.isEmpty() || rnd.nextInt(7) == 0) parts.add(new FittedScaler.Moments(null));
        parts.get(parts.size() - 1).add(l, x);
        all.add(l, x);
      }
      FittedScaler.Moments merged = new FittedScaler.Moments(null);
      for (FittedScaler.Moments p : parts) merged.merge(p);
      FittedScaler a = all.toScaler(FittedScaler.Method.MINMAX);
      FittedScaler b = merged.toScaler(FittedScaler.Method.MINMAX);
      for (int i = 0; i < len; i++) {
        assertEquals(a.mean()[i], b.mean()[i], 1e-6 * (1 + Math.abs(a.mean()[i])));
        assertEquals(a.std()[i], b.std()[i], 1e-6 * (1 + a.std()[i]));
      }
      assertArrayEquals(a.min(), b.min());
      assertArrayEquals(a.max(), b.max());
      for (float[] x : data) {
        for (float y : b.apply(x)) assertTrue(y >= 0 && y <= 1, "minmax " + y);
      }
    }
  }

  @Test
  void jsonRoundTripIsExactAndEditsAreCaught() throws IOException {
    List<FeatureVector> vs = glassVectors().subList(0, 500);
    FittedScaler s = FittedScaler.fit(FittedScaler.Method.STANDARD, GLASS, vs.stream().map(FeatureVector::values).toList());
    FittedScaler back = FittedScaler.fromJson(s.toJson());
    assertEquals(s.layout(), back.layout());
    assertEquals(s.records(), back.records());
    assertArrayEquals(s.mean(), back.mean());
    assertArrayEquals(s.std(), back.std());
    assertArrayEquals(s.apply(vs.get(7).values()), back.apply(vs.get(7).values()));
    String edited = s.toJson().replace("\"sio2\"", "\"SiO2x\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FittedScaler.fromJson(edited));
    assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FittedScaler.fromJson("{\"format\": \"other\"}"));
  }

  @Test
  void otherLayoutIsRefusedNamingBoth() {
    FittedScaler s = FittedScaler.fit(FittedScaler.Method.STANDARD, GLASS, List.of(new float[12], new float[12]));
    FeatureLayout other = new FeatureLayout("vector", 12, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.requireLayout(other, "x.json"));
    assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains(GLASS.fingerprint())
        && e.getMessage().contains(other.fingerprint()), e.getMessage());
  }
}
