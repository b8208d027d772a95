package org.moho.pipelines.grid;

/** Whether a grid filter keeps the long or the short wavelengths. */
public enum FilterPass {
  LOW,
  /** The grid minus its low-pass, so low + high = the original at every valid node. */
  HIGH
}
