package org.moho.pipelines.grid;

import java.io.Serializable;

/**
 * A low-pass filter's weight as a function of distance from the output node, in the width's
 * units (km or nodes); zero beyond {@link #radius()}.
 */
public interface RadialKernel extends Serializable {
  double weight(double r);

  /** Weights vanish beyond this distance; it sets how much halo a tile needs. */
  double radius();
}
