package org.moho.pipelines.qc;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.spec.Problems;
import org.moho.core.stage.RecordException;

/** Every seismo.damage key changes the output on real TLY windows; bad values are reported at their key. */
class DamageConfigKeysTest {
  private static final List<FeatureVector> WINDOWS = SeismoDamageTest.tlyWindows(6);

  private static List<String> run(String yaml) {
    SeismoDamage.DamageFn<FeatureVector> fn = new SeismoDamage.DamageFn<>(QcHarness.bind(DamageConfig.class, yaml), FeatureVector.class);
    List<String> out = new ArrayList<>();
    try {
      for (FeatureVector v : WINDOWS) fn.apply(v, d -> out.add(d.key() + d.metadata() + java.util.Arrays.toString(d.values())));
    } catch (RecordException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  @Test
  void everyKeyHasAnEffect() {
    String[][] pairs = {
        {"{kinds: [gap]}", "{kinds: [spikes]}"},
        {"{fraction: 0.2}", "{fraction: 0.9}"},
        {"{keep_clean: false}", "{keep_clean: true}"},
        {"{seed: 1}", "{seed: 2}"},
        {"{kinds: [gap], fraction: 1, gap_length: [0.05, 0.1]}", "{kinds: [gap], fraction: 1, gap_length: [0.2, 0.3]}"},
        {"{kinds: [gap], fraction: 1, gap_fill: zero}", "{kinds: [gap], fraction: 1, gap_fill: hold}"},
        {"{kinds: [spikes], fraction: 1, spike_count: [1, 1]}", "{kinds: [spikes], fraction: 1, spike_count: [3, 3]}"},
        {"{kinds: [spikes], fraction: 1, spike_factor: [2, 2]}", "{kinds: [spikes], fraction: 1, spike_factor: [4, 4]}"},
        {"{kinds: [clipping], fraction: 1, clip_level: [0.3, 0.3]}", "{kinds: [clipping], fraction: 1, clip_level: [0.6, 0.6]}"},
        {"{kinds: [dead], fraction: 1, dead_noise: 1}", "{kinds: [dead], fraction: 1, dead_noise: 5}"},
        {"{kinds: [gain], fraction: 1, gain_factors: [0.1]}", "{kinds: [gain], fraction: 1, gain_factors: [10]}"},
        {"{kinds: [gain], fraction: 1, gain_length: [0.2, 0.2]}", "{kinds: [gain], fraction: 1, gain_length: [0.5, 0.5]}"},
        {"{kinds: [timing], fraction: 1, timing_shift: [2, 2]}", "{kinds: [timing], fraction: 1, timing_shift: [9, 9]}"}};
    for (String[] pair : pairs) assertNotEquals(run(pair[0]), run(pair[1]), pair[0] + " vs " + pair[1]);
  }

  @Test
  void badValuesAreReportedAtTheirKey() {
    for (String[] bad : new String[][] {{"{kinds: [none]}", "kinds"}, {"{fraction: 1.5}", "fraction"},
        {"{gap_length: [0.3, 0.1]}", "gap_length"}, {"{spike_count: [0, 2]}", "spike_count"},
        {"{gain_factors: [1.0]}", "gain_factors"}, {"{dead_noise: -1}", "dead_noise"}}) {
      Problems problems = new Problems();
      QcHarness.bindOrProblems(DamageConfig.class, bad[0], problems);
      assertTrue(problems.hasErrors() && problems.all().toString().contains(bad[1]), bad[0] + ": " + problems.all());
    }
  }
}
