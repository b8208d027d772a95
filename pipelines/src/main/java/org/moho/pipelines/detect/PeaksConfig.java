package org.moho.pipelines.detect;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code detect.peaks}. */
public record PeaksConfig(
    @Doc("full width (6 sigma, as GMT grdfilter -Fg) in km of the Gaussian regional that is subtracted; 0 = none")
        @Default("150") double regionalWidthKm,
    @Doc("full width in km of a Gaussian low-pass applied to the residual before peak picking; 0 = none")
        @Default("0") double smoothWidthKm,
    @Doc("smallest residual height (grid units, e.g. m) of a peak") @Default("1000") double minHeight,
    @Doc("a peak with a higher peak closer than this (km) is dropped; 0 = keep all") @Default("0") double minSeparationKm,
    @Doc("a peak is the highest node of the (2w+1) x (2w+1) window around it") @Default("1") int window)
    implements java.io.Serializable {

  public PeaksConfig {
    ConfigException.check(regionalWidthKm >= 0, "regional_width_km", "must be >= 0 km, got " + regionalWidthKm);
    ConfigException.check(smoothWidthKm >= 0, "smooth_width_km", "must be >= 0 km, got " + smoothWidthKm);
    ConfigException.check(Double.isFinite(minHeight), "min_height", "must be a number, got " + minHeight);
    ConfigException.check(minSeparationKm >= 0, "min_separation_km", "must be >= 0 km, got " + minSeparationKm);
    ConfigException.check(window >= 1, "window", "must be >= 1, got " + window);
  }
}
