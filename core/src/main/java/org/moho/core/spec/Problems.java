package org.moho.core.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of a spec so that all are reported at once, not one per run. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void error(Location at, String message) {
    list.add(Problem.error(at, message));
  }

  public void warning(Location at, String message) {
    list.add(Problem.warning(at, message));
  }

  public void addAll(Problems other) {
    list.addAll(other.list);
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  /** Sorted by file, line and column; duplicates removed. */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(list));
    Collections.sort(sorted);
    return sorted;
  }

  public List<Problem> errors() {
    return all().stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return all().stream().filter(p -> !p.isError()).toList();
  }

  /** Throws a {@link SpecException} carrying every problem when any is an error. */
  public void throwIfErrors() {
    if (hasErrors()) throw new SpecException(all());
  }
}
