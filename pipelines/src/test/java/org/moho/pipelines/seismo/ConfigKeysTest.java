package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Waveform;
import org.moho.core.spec.Problems;

/**
 * Every config key changes the result: each pair of YAML blocks differs in one key only, and
 * the outputs on the real II.TLY trace (20 Hz, SAC o and a set) must differ.
 */
class ConfigKeysTest {
  private static final Waveform TLY = Fixtures.waveform("II.TLY.BHZ.SAC");

  private static double[] preprocess(String step) {
    PreprocessConfig c = StageHarness.bind(PreprocessConfig.class, "steps: [" + step + "]");
    return new Preprocessor(c.steps()).apply(TLY).samples();
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(delimiter = '|', value = {
      "{op: demean}|{op: detrend}",
      "{op: taper, fraction: 0.05}|{op: taper, fraction: 0.2}",
      "{op: lowpass, corners: [1.0], order: 2}|{op: lowpass, corners: [1.0], order: 4}",
      "{op: lowpass, corners: [1.0]}|{op: lowpass, corners: [2.0]}",
      "{op: lowpass, corners: [1.0]}|{op: highpass, corners: [1.0]}",
      "{op: bandpass, corners: [0.5, 2.0]}|{op: bandpass, corners: [0.5, 3.0]}",
      "{op: bandpass, corners: [0.5, 2.0], zero_phase: true}|{op: bandpass, corners: [0.5, 2.0], zero_phase: false}",
      "{op: cosine-bandpass, corners: [0.1, 0.2, 1.0, 2.0]}|{op: cosine-bandpass, corners: [0.1, 0.5, 1.0, 2.0]}",
      "{op: resample, rate: 5}|{op: resample, rate: 4}",
      "{op: resample, rate: 5, method: fft}|{op: resample, rate: 5, method: decimate}",
      "{op: cut, relative_to: origin, begin: 100, end: 200}|{op: cut, relative_to: p, begin: 100, end: 200}",
      "{op: cut, relative_to: start, begin: 100, end: 200}|{op: cut, relative_to: origin, begin: 100, end: 200}",
      "{op: cut, begin: 100, end: 200}|{op: cut, begin: 101, end: 200}",
      "{op: cut, begin: 100, end: 200}|{op: cut, begin: 100, end: 201}"})
  void everyPreprocessKeyHasAnEffect(String a, String b) {
    double[] x = preprocess(a);
    double[] y = preprocess(b);
    assertFalse(Arrays.equals(x, y), a + " and " + b + " gave the same samples");
  }

  @Test
  void everySpectrumKeyHasAnEffect() {
    double[] x = TLY.samples();
    String base = "fmin: 0.5, fmax: 8, bins: 6, spacing: linear, smoothing: 1, normalize: false, kind: power";
    double[] reference = features(x, base);
    for (String changed : List.of("kind: amplitude", "fmin: 0.6", "fmax: 7", "bins: 7", "spacing: log",
        "smoothing: 5", "normalize: true")) {
      String key = changed.substring(0, changed.indexOf(':'));
      String yaml = Arrays.stream(base.split(", ")).map(kv -> kv.startsWith(key + ":") ? changed : kv)
          .reduce((p, q) -> p + ", " + q).orElseThrow();
      assertFalse(Arrays.equals(reference, features(x, yaml)), changed);
    }
  }

  private static double[] features(double[] x, String yaml) {
    return Spectrum.features(x, 20, StageHarness.bind(SpectrumConfig.class, "{" + yaml + "}").settings());
  }

  @Test
  void windowAndNormalizeKeysHaveAnEffect() {
    WindowsConfig a = StageHarness.bind(WindowsConfig.class, "{length: 60}");
    assertEquals(1200, a.lengthSamples(20));
    assertEquals(1200, a.stepSamples(20));
    assertEquals(600, StageHarness.bind(WindowsConfig.class, "{length: 60, step: 30}").stepSamples(20));
    assertEquals(60, StageHarness.bind(WindowsConfig.class, "{length: 60, unit: samples}").lengthSamples(20));
    double[] peak = Normalization.apply(TLY.samples(), StageHarness.bind(NormalizeConfig.class, "{}").mode());
    double[] z = Normalization.apply(TLY.samples(), StageHarness.bind(NormalizeConfig.class, "{mode: zscore}").mode());
    assertFalse(Arrays.equals(peak, z));
  }

  @Test
  void invalidValuesAreRejectedAtTheirKey() {
    for (String[] c : new String[][] {
        {"steps: [{op: taper, fraction: 0.7}]", "'steps[0].fraction' must be in [0, 0.5]"},
        {"steps: [{op: lowpass, corners: [1.0], order: 0}]", "'steps[0].order' must be in 1..12"},
        {"steps: [{op: highpass}]", "'steps[0].corners' must list 1 frequency"},
        {"steps: [{op: resample}]", "'steps[0].rate' must be a rate > 0 Hz"},
        {"steps: [{op: cut, begin: 5, end: 1}]", "'steps[0].end' must be after begin"},
        {"steps: []", "'steps' must list at least one step"}}) {
      Problems problems = new Problems();
      StageHarness.bindOrProblems(PreprocessConfig.class, c[0], problems);
      assertTrue(problems.errors().toString().contains(c[1]), c[0] + " -> " + problems.errors());
    }
    for (String[] c : new String[][] {
        {"{fmin: 0, fmax: 1}", "'fmin' must be > 0 Hz for log spacing"},
        {"{fmin: 1, fmax: 1}", "'fmax' must be above fmin"},
        {"{fmin: 1, fmax: 2, smoothing: 2}", "'smoothing' must be odd"},
        {"{fmin: 1, fmax: 2, bins: 0}", "'bins' must be >= 1"}}) {
      Problems problems = new Problems();
      StageHarness.bindOrProblems(SpectrumConfig.class, c[0], problems);
      assertTrue(problems.errors().toString().contains(c[1]), c[0] + " -> " + problems.errors());
    }
    Problems problems = new Problems();
    StageHarness.bindOrProblems(WindowsConfig.class, "{length: 10.5, unit: samples}", problems);
    assertTrue(problems.errors().toString().contains("'length' must be a whole number of samples"), problems.errors().toString());
  }
}
