package org.moho.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot run, with every problem found in it. */
public final class SpecException extends RuntimeException {
  private final List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public SpecException(Location at, String message) {
    this(List.of(Problem.error(at, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
