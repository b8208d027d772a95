package org.moho.pipelines.seismo;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code seismo.windows}. */
public record WindowsConfig(
    @Doc("window length, in `unit`") double length,
    @Doc("distance between window starts, in `unit`; default: the length (no overlap)") @Default(Default.NONE) Double step,
    @Doc("unit of length and step: seconds (rounded to whole samples) or samples") @Default("seconds") Unit unit) implements java.io.Serializable {

  /** How length and step are measured. */
  public enum Unit { SECONDS, SAMPLES }

  public WindowsConfig {
    ConfigException.check(length > 0, "length", "must be > 0, got " + length);
    ConfigException.check(step == null || step > 0, "step", "must be > 0, got " + step);
    if (unit == Unit.SAMPLES) {
      ConfigException.check(length == Math.rint(length), "length", "must be a whole number of samples, got " + length);
      ConfigException.check(step == null || step == Math.rint(step), "step", "must be a whole number of samples, got " + step);
    }
  }

  /** Length in samples at {@code rate} Hz (at least 1 for seconds, or the trace is rejected). */
  int lengthSamples(double rate) {
    return samples(length, rate);
  }

  int stepSamples(double rate) {
    return step == null ? lengthSamples(rate) : samples(step, rate);
  }

  private int samples(double v, double rate) {
    return (int) (unit == Unit.SAMPLES ? Math.round(v) : Math.round(v * rate));
  }
}
