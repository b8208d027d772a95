package org.moho.pipelines.seismo;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code seismo.spectrum}. */
public record SpectrumConfig(
    @Doc("amplitude (2|X|/n, a sine of amplitude A shows A) or power (amplitude squared)") @Default("power") Spectrum.Kind kind,
    @Doc("lower edge of the band, Hz (> 0 for log spacing)") double fmin,
    @Doc("upper edge of the band, Hz (at most the Nyquist frequency of each record)") double fmax,
    @Doc("number of frequency bins between fmin and fmax") @Default("15") int bins,
    @Doc("bin edges evenly (linear) or geometrically (log) spaced") @Default("log") Spectrum.Spacing spacing,
    @Doc("running mean over this many adjacent FFT frequencies before binning (odd; 1 = none)") @Default("1") int smoothing,
    @Doc("scale the bins of each record to sum 1") @Default("true") boolean normalize) {

  public SpectrumConfig {
    ConfigException.check(fmin >= 0, "fmin", "must be >= 0 Hz, got " + fmin);
    ConfigException.check(fmax > fmin, "fmax", "must be above fmin (" + fmin + " Hz), got " + fmax);
    ConfigException.check(spacing != Spectrum.Spacing.LOG || fmin > 0, "fmin", "must be > 0 Hz for log spacing, got " + fmin);
    ConfigException.check(bins >= 1, "bins", "must be >= 1, got " + bins);
    ConfigException.check(smoothing >= 1 && smoothing % 2 == 1, "smoothing", "must be odd and >= 1, got " + smoothing);
  }

  Spectrum.Settings settings() {
    return new Spectrum.Settings(kind, fmin, fmax, bins, spacing, smoothing, normalize);
  }
}
