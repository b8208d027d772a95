package org.moho.pipelines.grid;

/** How patch values are scaled after detrending. */
public enum PatchScaling {
  NONE,
  /** Divide by the patch's own maximum |z|, so values lie in [-1, 1]. */
  PATCH,
  /**
   * Divide each value by a smoothed map of the local maximum |z| (Valentine, Kalnins & Trampert
   * 2013): the maximum |z| within {@code scaling_radius_km} of each node, low-passed with a
   * Gaussian of full width {@code scaling_smooth_km}. Keeps relative amplitudes across a patch and
   * between neighbouring patches, unlike per-patch scaling.
   */
  LOCAL_MAX
}
