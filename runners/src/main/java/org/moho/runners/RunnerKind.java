package org.moho.runners;

/** The Beam runners Moho can hand a pipeline to. */
public enum RunnerKind {
  DIRECT,
  FLINK,
  DATAFLOW;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
