package org.moho.pipelines.seismo;

import java.io.Serializable;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** One step of {@code seismo.preprocess}; which keys apply depends on {@code op}. */
@Doc("one preprocessing step")
public record PreprocessStep(
    @Doc("demean | detrend | taper | lowpass | highpass | bandpass | cosine-bandpass | resample | cut") Op op,
    @Doc("taper: fraction of the trace tapered at each end, in [0, 0.5]") @Default("0.05") double fraction,
    @Doc("lowpass/highpass/bandpass: Butterworth order (bandpass: of the prototype, as scipy.signal.butter)") @Default("4") int order,
    @Doc("lowpass/highpass: [corner] Hz; bandpass: [low, high] Hz; cosine-bandpass: [f1, f2, f3, f4] Hz") @Default(Default.NONE) List<Double> corners,
    @Doc("lowpass/highpass/bandpass: true = zero phase (sosfiltfilt), false = causal (sosfilt)") @Default("true") boolean zeroPhase,
    @Doc("resample: target sample rate in Hz") @Default(Default.NONE) Double rate,
    @Doc("resample: fft (any rational ratio, scipy.signal.resample) or decimate (integer ratio, anti-alias then pick)") @Default("fft") ResampleMethod method,
    @Doc("cut: time zero of the window: start (first sample), origin (SAC o), p (SAC a)") @Default("start") CutReference relativeTo,
    @Doc("cut: window start, seconds after time zero (may be negative)") @Default(Default.NONE) Double begin,
    @Doc("cut: window end, seconds after time zero") @Default(Default.NONE) Double end)
    implements Serializable {

  /** What a step does. */
  public enum Op { DEMEAN, DETREND, TAPER, LOWPASS, HIGHPASS, BANDPASS, COSINE_BANDPASS, RESAMPLE, CUT }

  /** How {@link Op#RESAMPLE} changes the rate; see {@link Resampler}. */
  public enum ResampleMethod { FFT, DECIMATE }

  /** Time zero of a {@link Op#CUT} window. */
  public enum CutReference { START, ORIGIN, P }

  public PreprocessStep {
    switch (op) {
      case TAPER -> ConfigException.check(fraction >= 0 && fraction <= 0.5, "fraction", "must be in [0, 0.5], got " + fraction);
      case LOWPASS, HIGHPASS, BANDPASS -> {
        ConfigException.check(order >= 1 && order <= 12, "order", "must be in 1..12, got " + order);
        int n = op == Op.BANDPASS ? 2 : 1;
        ConfigException.check(corners != null && corners.size() == n, "corners",
            "must list " + n + " frequenc" + (n == 1 ? "y" : "ies") + " in Hz for " + op.name().toLowerCase() + ", got " + corners);
        ConfigException.check(corners.stream().allMatch(c -> c > 0), "corners", "must be > 0 Hz, got " + corners);
        ConfigException.check(n == 1 || corners.get(0) < corners.get(1), "corners", "must be increasing, got " + corners);
      }
      case COSINE_BANDPASS -> {
        ConfigException.check(corners != null && corners.size() == 4, "corners", "must list f1, f2, f3, f4 in Hz, got " + corners);
        ConfigException.check(corners.get(0) >= 0 && corners.get(0) < corners.get(1) && corners.get(1) <= corners.get(2)
            && corners.get(2) < corners.get(3), "corners", "must satisfy 0 <= f1 < f2 <= f3 < f4, got " + corners);
      }
      case RESAMPLE -> ConfigException.check(rate != null && rate > 0, "rate", "must be a rate > 0 Hz, got " + rate);
      case CUT -> {
        ConfigException.check(begin != null, "begin", "is required for cut");
        ConfigException.check(end != null, "end", "is required for cut");
        ConfigException.check(end > begin, "end", "must be after begin (" + begin + " s), got " + end);
      }
      default -> { }
    }
  }

  /** A short label for error messages: "bandpass [1.0, 10.0] Hz". */
  public String label() {
    String name = op.name().toLowerCase().replace('_', '-');
    return switch (op) {
      case LOWPASS, HIGHPASS, BANDPASS, COSINE_BANDPASS -> name + " " + corners + " Hz";
      case RESAMPLE -> name + " to " + rate + " Hz";
      case CUT -> name + " [" + begin + ", " + end + "] s from " + relativeTo.name().toLowerCase();
      case TAPER -> name + " " + fraction;
      default -> name;
    };
  }
}
