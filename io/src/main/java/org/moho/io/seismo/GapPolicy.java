package org.moho.io.seismo;

/**
 * What {@code seismo.read} does where two records of one channel do not join up, that is where a
 * record starts more than half a sample period before (overlap) or after (gap) the time the trace
 * so far predicts for its next sample.
 */
public enum GapPolicy {
  /** Start a new trace at every gap or overlap. */
  SPLIT,
  /** Fill a gap with zeros; drop the overlapping samples of the later record. One trace per channel. */
  FILL_ZERO,
  /** Fill a gap by linear interpolation between the samples either side; overlaps as FILL_ZERO. */
  INTERPOLATE,
  /** A channel with any gap or overlap is not output: each of its records goes to the errors output. */
  REJECT
}
