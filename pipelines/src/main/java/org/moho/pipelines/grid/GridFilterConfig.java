package org.moho.pipelines.grid;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code grid.filter}. */
public record GridFilterConfig(
    @Doc("Filter width: full diameter (= 6 sigma) for gaussian, cutoff wavelength for butterworth") double width,
    @Doc("Units of width: km (x scaled by cos(latitude)) or nodes") @Default("km") WidthUnits units,
    @Doc("Response: gaussian (as gmt grdfilter -Fg) or butterworth") @Default("gaussian") FilterShape shape,
    @Doc("low keeps long wavelengths; high = grid minus its low-pass") @Default("low") FilterPass pass,
    @Doc("Order of the Butterworth response (ignored for gaussian)") @Default("2") int order) implements java.io.Serializable {
  public GridFilterConfig {
    ConfigException.check(width > 0 && Double.isFinite(width), "width", "must be > 0, got " + width);
    ConfigException.check(units != null, "units", "must be km or nodes");
    ConfigException.check(shape != null, "shape", "must be gaussian or butterworth");
    ConfigException.check(pass != null, "pass", "must be low or high");
    ConfigException.check(order >= 1 && order <= 16, "order", "must be in 1..16, got " + order);
  }
}
