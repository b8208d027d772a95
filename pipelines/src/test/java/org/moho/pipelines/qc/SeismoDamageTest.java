package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageOutputs;

/** seismo.damage on real II.TLY windows (20 Hz, raw counts): what each kind changes, labels, seeding, errors. */
class SeismoDamageTest {
  static List<FeatureVector> tlyWindows(int count) {
    List<FeatureVector> out = new ArrayList<>();
    for (RealWindows.Window w : RealWindows.windows(List.of("II.TLY.BHZ.SAC")).subList(0, count)) {
      float[] v = new float[w.samples().length];
      for (int i = 0; i < v.length; i++) v[i] = (float) w.samples()[i];
      out.add(new FeatureVector(w.key(), v, Map.of("station", "TLY", "sample_rate", "20.0")));
    }
    return out;
  }

  private static double[] doubles(float[] v) {
    double[] x = new double[v.length];
    for (int i = 0; i < v.length; i++) x[i] = v[i];
    return x;
  }

  @Test
  void keepCleanEmitsTheCleanRecordAndOneLabelledDamagedCopy() {
    List<FeatureVector> in = tlyWindows(4);
    Pipeline p = QcHarness.pipeline();
    DamageConfig config = QcHarness.bind(DamageConfig.class, "{kinds: [gap, spikes], keep_clean: true, seed: 3}");
    PCollectionTuple out = QcHarness.apply(new SeismoDamage.Windows(), config,
        QcHarness.create(p, "in", FeatureVector.class, in));
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(got -> {
      Map<String, FeatureVector> byKey = new TreeMap<>();
      got.forEach(v -> byKey.put(v.key(), v));
      assertEquals(8, byKey.size());
      for (FeatureVector clean : in) {
        FeatureVector c = byKey.get(clean.key());
        assertArrayEquals(clean.values(), c.values());
        assertEquals("none", c.metadata().get("damage"));
        assertEquals("0", c.metadata().get("label"));
        String kind = byKey.containsKey(clean.key() + "#gap") ? "gap" : "spikes";
        FeatureVector d = byKey.get(clean.key() + "#" + kind);
        assertEquals("1", d.metadata().get("label"));
        assertEquals(kind, d.metadata().get("damage"));
        assertEquals("TLY", d.metadata().get("station"));
        String detail = d.metadata().get("damage_detail");
        if (kind.equals("gap")) {
          // start=S,length=L,fill=zero|hold: exactly [S, S+L) is replaced, by 0 or the sample before
          Map<String, String> f = parse(detail);
          int s = Integer.parseInt(f.get("start"));
          int l = Integer.parseInt(f.get("length"));
          assertTrue(l >= 0.05 * 512 - 1 && l <= 0.30 * 512, detail);
          float fill = f.get("fill").equals("zero") ? 0f : clean.values()[s - 1];
          for (int i = 0; i < 512; i++) {
            assertEquals(i >= s && i < s + l ? fill : clean.values()[i], d.values()[i], 0f, "sample " + i + " " + detail);
          }
        } else {
          // at=i:value;...: only those samples change, each to ±k·max|x| with k in [2, 5]
          double max = Damager.maxAbs(doubles(clean.values()));
          List<Integer> at = new ArrayList<>();
          for (String s : detail.substring(3).split(";")) at.add(Integer.parseInt(s.split(":")[0]));
          assertTrue(at.size() >= 1 && at.size() <= 4, detail);
          for (int i = 0; i < 512; i++) {
            if (at.contains(i)) {
              double k = Math.abs(d.values()[i]) / max;
              assertTrue(k >= 2 - 1e-6 && k <= 5 + 1e-6, detail);
            } else {
              assertEquals(clean.values()[i], d.values()[i], 0f);
            }
          }
        }
      }
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of());
    p.run().waitUntilFinish();
  }

  private static Map<String, String> parse(String detail) {
    Map<String, String> m = new TreeMap<>();
    for (String kv : detail.split(",")) m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    return m;
  }

  @Test
  void drawsDependOnSeedAndKeyOnly() {
    DamageConfig config = QcHarness.bind(DamageConfig.class, "{fraction: 0.5, seed: 11}");
    List<FeatureVector> in = tlyWindows(24);
    SeismoDamage.DamageFn<FeatureVector> fn = new SeismoDamage.DamageFn<>(config, FeatureVector.class);
    List<String> forward = new ArrayList<>();
    List<String> backward = new ArrayList<>();
    try {
      for (FeatureVector v : in) fn.apply(v, d -> forward.add(d.key() + " " + d.metadata() + " " + Arrays.hashCode(d.values())));
      for (int i = in.size() - 1; i >= 0; i--) {
        fn.apply(in.get(i), d -> backward.add(0, d.key() + " " + d.metadata() + " " + Arrays.hashCode(d.values())));
      }
    } catch (org.moho.core.stage.RecordException e) {
      throw new AssertionError(e);
    }
    assertEquals(forward, backward);
    long damaged = forward.stream().filter(s -> s.contains("label=1")).count();
    assertTrue(damaged > 4 && damaged < 20, "about half of 24 damaged, got " + damaged);
    // another seed damages differently
    SeismoDamage.DamageFn<FeatureVector> other = new SeismoDamage.DamageFn<>(QcHarness.bind(DamageConfig.class, "{seed: 12}"), FeatureVector.class);
    List<String> second = new ArrayList<>();
    try {
      for (FeatureVector v : in) other.apply(v, d -> second.add(d.key() + " " + d.metadata() + " " + Arrays.hashCode(d.values())));
    } catch (org.moho.core.stage.RecordException e) {
      throw new AssertionError(e);
    }
    assertNotEquals(forward, second);
  }

  @Test
  void everyKindDoesWhatTheDocsSay() {
    double[] x = doubles(tlyWindows(1).get(0).values());
    double med = Robust.median(x);
    double dev = Damager.maxAbsDeviation(x, med);
    DamageConfig c = QcHarness.bind(DamageConfig.class, "{}");
    for (int seed = 0; seed < 20; seed++) {
      java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
      double[] clip = Damager.apply(DamageKind.CLIPPING, x, c, rng).samples();
      double lo = Arrays.stream(clip).min().orElseThrow();
      double hi = Arrays.stream(clip).max().orElseThrow();
      assertTrue(hi - med <= 0.7 * dev + 1e-9 && med - lo <= 0.7 * dev + 1e-9);
      double[] dead = Damager.apply(DamageKind.DEAD, x, c, new java.util.SplittableRandom(seed)).samples();
      double sd = Math.sqrt(Arrays.stream(dead).map(v -> (v - med) * (v - med)).average().orElseThrow());
      assertTrue(sd < 1.3, "dead noise std " + sd);
      Damager.Damage gain = Damager.apply(DamageKind.GAIN, x, c, new java.util.SplittableRandom(seed));
      Map<String, String> g = parse(gain.detail());
      int s = Integer.parseInt(g.get("start"));
      int l = Integer.parseInt(g.get("length"));
      double f = Double.parseDouble(g.get("factor"));
      assertTrue(s >= 64 && s + l <= 512 - 64 && (f == 0.1 || f == 10.0), gain.detail());
      for (int i = 0; i < 512; i++) {
        assertEquals(i >= s && i < s + l ? med + f * (x[i] - med) : x[i], gain.samples()[i], 1e-9);
      }
      Damager.Damage timing = Damager.apply(DamageKind.TIMING, x, c, new java.util.SplittableRandom(seed));
      Map<String, String> t = parse(timing.detail());
      int cut = Integer.parseInt(t.get("cut"));
      int shift = Integer.parseInt(t.get("shift"));
      assertTrue(cut >= 128 && cut < 384 && shift >= 2 && shift <= 10, timing.detail());
      for (int i = 0; i < 512; i++) assertEquals(i < cut ? x[i] : x[i - shift], timing.samples()[i], 0);
    }
  }

  @Test
  void waveformsCarryTheLabelInAttributesAndNaNIsAnError() {
    Waveform tly = RealWindows.traces("II.TLY.BHZ.SAC").get(0);
    double[] bad = Arrays.copyOf(tly.samples(), 600);
    bad[3] = Double.NaN;
    Waveform nan = new Waveform("II", "TLY", "00", "BHN", tly.start(), 20, bad, "test", Map.of());
    Pipeline p = QcHarness.pipeline();
    PCollectionTuple out = QcHarness.apply(new SeismoDamage.Waveforms(),
        QcHarness.bind(DamageConfig.class, "{kinds: [dead], keep_clean: true, dead_noise: 0}"),
        QcHarness.create(p, "in", Waveform.class, List.of(tly, nan)));
    PAssert.that(StageOutputs.<Waveform>main(out)).satisfies(got -> {
      List<Waveform> list = new ArrayList<>();
      got.forEach(list::add);
      assertEquals(2, list.size());
      list.sort(java.util.Comparator.comparing(Waveform::source));
      assertEquals("none", list.get(0).attributes().get("damage"));
      assertArrayEquals(tly.samples(), list.get(0).samples());
      assertEquals(tly.source() + "#dead", list.get(1).source());
      assertEquals("1", list.get(1).attributes().get("label"));
      double med = Robust.median(tly.samples());
      assertTrue(Arrays.stream(list.get(1).samples()).allMatch(v -> v == med));
      return null;
    });
    QcHarness.assertTexts(StageOutputs.errors(out), List.of(
        new ErrorRecord("stage", "II.TLY.00.BHN@" + tly.start(), "sample 3 is NaN (not finite)", null).toString()));
    p.run().waitUntilFinish();
  }
}
