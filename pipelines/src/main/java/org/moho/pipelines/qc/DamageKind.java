package org.moho.pipelines.qc;

/**
 * What {@code seismo.damage} did to a record, written lower-case in YAML and in the {@code damage}
 * metadata. {@link #NONE} marks a record left clean.
 */
public enum DamageKind {
  NONE, GAP, SPIKES, CLIPPING, DEAD, GAIN, TIMING;

  /** The YAML / metadata spelling. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
