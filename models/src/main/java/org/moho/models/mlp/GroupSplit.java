package org.moho.models.mlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Splits by group (for glass: by composition {@code Name}), never by row: every group lands wholly
 * in one of train, validation or test, so no composition is seen both in training and in
 * evaluation. The groups are sorted, then shuffled with {@code new Random(seed)}: the same seed
 * and the same set of groups always give the same split, whatever the row order.
 *
 * @param seed the documented seed of the shuffle
 * @param testFraction share of groups held out for the test
 * @param validationFraction share of all groups used for validation (early stopping, calibration)
 */
public record GroupSplit(long seed, double testFraction, double validationFraction) {
  public enum Role { TRAIN, VALIDATION, TEST }

  public GroupSplit {
    if (testFraction < 0 || validationFraction < 0 || testFraction + validationFraction >= 1) {
      throw new IllegalArgumentException("test and validation fractions must be >= 0 and sum below 1, got "
          + testFraction + " and " + validationFraction);
    }
  }

  /** The role of every distinct group. */
  public Map<String, Role> assign(Collection<String> groups) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(groups));
    Collections.shuffle(sorted, new Random(seed));
    int nTest = (int) Math.round(testFraction * sorted.size());
    int nVal = (int) Math.round(validationFraction * sorted.size());
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      roles.put(sorted.get(i), i < nTest ? Role.TEST : i < nTest + nVal ? Role.VALIDATION : Role.TRAIN);
    }
    return roles;
  }

  /** Row indices of each role, given each row's group. */
  public Map<Role, int[]> rows(List<String> groupOfRow) {
    Map<String, Role> roles = assign(groupOfRow);
    Map<Role, List<Integer>> idx = new LinkedHashMap<>();
    for (Role r : Role.values()) idx.put(r, new ArrayList<>());
    for (int i = 0; i < groupOfRow.size(); i++) idx.get(roles.get(groupOfRow.get(i))).add(i);
    Map<Role, int[]> out = new LinkedHashMap<>();
    idx.forEach((r, l) -> out.put(r, l.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
