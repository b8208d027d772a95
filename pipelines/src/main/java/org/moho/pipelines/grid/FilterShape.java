package org.moho.pipelines.grid;

/** The low-pass response a grid filter uses (a high-pass is the grid minus its low-pass). */
public enum FilterShape {
  /** GMT's {@code -Fg}: width = full diameter = 6 sigma. */
  GAUSSIAN,
  /** Butterworth of the given order, width = cutoff wavelength (response 1/sqrt(2) there). */
  BUTTERWORTH
}
