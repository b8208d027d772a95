package org.moho.models.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moho.models.glass.CsvRows;
import org.moho.models.glass.ViscosityData;

class GroupSplitTest {
  @Test
  void splitsTheBundledDatabaseByCompositionReproducibly() throws Exception {
    ViscosityData d = ViscosityData.fromRows(CsvRows.read(Path.of(System.getProperty("moho.repo"))
        .resolve("data/glass/gpvisc_lp_viscosity_train.csv")), "Name", "T", "viscosity", null);
    // data/NOTICE.md: 12,294 measurements on 2,947 compositions
    assertEquals(12294, d.size());
    assertEquals(2947, new HashSet<>(d.names()).size());
    GroupSplit split = new GroupSplit(20261121L, 0.2, 0.1);
    Map<GroupSplit.Role, int[]> rows = split.rows(d.names());
    Map<GroupSplit.Role, Set<String>> names = new java.util.EnumMap<>(GroupSplit.Role.class);
    rows.forEach((r, idx) -> names.put(r, Arrays.stream(idx).mapToObj(d.names()::get).collect(Collectors.toSet())));
    for (GroupSplit.Role a : GroupSplit.Role.values()) for (GroupSplit.Role b : GroupSplit.Role.values()) {
      if (a.compareTo(b) < 0) {
        Set<String> shared = new HashSet<>(names.get(a));
        shared.retainAll(names.get(b));
        assertTrue(shared.isEmpty(), a + " and " + b + " share " + shared);
      }
    }
    assertEquals(Math.round(0.2 * 2947), names.get(GroupSplit.Role.TEST).size());
    assertEquals(Math.round(0.1 * 2947), names.get(GroupSplit.Role.VALIDATION).size());
    assertEquals(d.size(), rows.values().stream().mapToInt(a -> a.length).sum());
    // the same seed on the rows in another order gives the same groups
    List<String> reversed = new java.util.ArrayList<>(d.names());
    java.util.Collections.reverse(reversed);
    assertEquals(split.assign(d.names()), split.assign(reversed));
    // another seed gives another split
    assertTrue(!new GroupSplit(1L, 0.2, 0.1).assign(d.names()).equals(split.assign(d.names())));
  }

  @Test
  void coverageGrowsWithTheNoiseTermAndTheFitHitsItsTarget() {
    java.util.Random r = new java.util.Random(3);
    int n = 4000;
    double[] truth = new double[n], mean = new double[n], spread = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = r.nextGaussian();
      truth[i] = mean[i] + 0.3 * r.nextGaussian(); // data noise the ensemble does not see
      spread[i] = 0.05;
    }
    assertTrue(NoiseCalibration.coverage(truth, mean, spread, 0) < 0.3);
    double s = NoiseCalibration.fit(truth, mean, spread, 0.95);
    // for Gaussian noise of sd 0.3, ±2σ covers 95.4 %: the fitted σ must be close to 0.3
    assertEquals(0.3, Math.hypot(s, 0.05), 0.02);
    assertEquals(0.95, NoiseCalibration.coverage(truth, mean, spread, s), 0.002);
  }
}
