package org.moho.pipelines.seismo;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.moho.core.data.Waveform;

/**
 * Applies a list of {@link PreprocessStep}s to a waveform. A step that cannot be applied to this
 * trace (a corner above its Nyquist frequency, a missing SAC header, a window outside the trace)
 * throws {@link IllegalArgumentException} naming the step and the reason.
 */
public final class Preprocessor implements Serializable {
  private final List<PreprocessStep> steps;

  public Preprocessor(List<PreprocessStep> steps) {
    this.steps = List.copyOf(steps);
  }

  public Waveform apply(Waveform w) {
    Waveform out = w;
    for (int i = 0; i < steps.size(); i++) {
      PreprocessStep step = steps.get(i);
      try {
        out = apply(step, out);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step " + (i + 1) + " (" + step.label() + "): " + e.getMessage(), e);
      }
      if (out.length() == 0) throw new IllegalArgumentException("step " + (i + 1) + " (" + step.label() + ") left no samples");
    }
    return out;
  }

  private static Waveform apply(PreprocessStep s, Waveform w) {
    double[] x = w.samples();
    double fs = w.sampleRate();
    return switch (s.op()) {
      case DEMEAN -> w.withSamples(Detrend.demean(x));
      case DETREND -> w.withSamples(Detrend.linear(x));
      case TAPER -> w.withSamples(CosineTaper.apply(x, s.fraction()));
      case LOWPASS, HIGHPASS, BANDPASS -> {
        double[] corners = s.corners().stream().mapToDouble(Double::doubleValue).toArray();
        ButterworthDesign.Band band = ButterworthDesign.Band.valueOf(s.op().name());
        double[][] sos = ButterworthDesign.design(band, s.order(), corners, fs);
        yield w.withSamples(s.zeroPhase() ? SosFilter.filtfilt(sos, x) : SosFilter.filter(sos, x));
      }
      case COSINE_BANDPASS -> {
        List<Double> c = s.corners();
        if (c.get(3) > fs / 2) {
          throw new IllegalArgumentException("f4 " + c.get(3) + " Hz is above the Nyquist frequency " + fs / 2 + " Hz");
        }
        yield w.withSamples(FrequencyBandpass.apply(x, fs, c.get(0), c.get(1), c.get(2), c.get(3)));
      }
      case RESAMPLE -> {
        Resampler.Resampled r = s.method() == PreprocessStep.ResampleMethod.FFT
            ? Resampler.fft(x, fs, s.rate()) : Resampler.decimate(x, fs, s.rate());
        yield w.withSamples(w.start(), r.rate(), r.samples());
      }
      case CUT -> cut(s, w);
    };
  }

  /** Samples whose times lie in [zero + begin, zero + end], where zero is the chosen reference. */
  private static Waveform cut(PreprocessStep s, Waveform w) {
    double zero = switch (s.relativeTo()) {
      case START -> 0;
      case ORIGIN -> header(w, "o", "event origin time") - header(w, "b", "first-sample time");
      case P -> header(w, "a", "P arrival time") - header(w, "b", "first-sample time");
    };
    double fs = w.sampleRate();
    // seconds after the first sample; the small slack absorbs float32 SAC header rounding
    double slack = 1e-6;
    long first = (long) Math.ceil((zero + s.begin()) * fs - slack);
    long last = (long) Math.floor((zero + s.end()) * fs + slack);
    if (first < 0 || last > w.length() - 1) {
      throw new IllegalArgumentException(String.format(
          "window %.3f..%.3f s after the first sample is not inside the trace (0..%.3f s)",
          zero + s.begin(), zero + s.end(), (w.length() - 1) / fs));
    }
    double[] cut = java.util.Arrays.copyOfRange(w.samples(), (int) first, (int) last + 1);
    Instant start = w.timeOf(first);
    // keep SAC's b (first sample, seconds after the reference time) true for later steps
    java.util.Map<String, String> attributes = new java.util.TreeMap<>(w.attributes());
    if (attributes.containsKey("b")) {
      attributes.put("b", Double.toString(header(w, "b", "first-sample time") + first / fs));
    }
    return new Waveform(w.network(), w.station(), w.location(), w.channel(), start, fs, cut, w.source(), attributes);
  }

  private static double header(Waveform w, String key, String meaning) {
    String v = w.attributes().get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing SAC header '" + key + "' (" + meaning + ")");
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SAC header '" + key + "' is not a number: '" + v + "'");
    }
  }
}
