package org.moho.pipelines.seismo;

import java.util.List;
import java.util.function.Consumer;
import org.moho.core.data.Waveform;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/** {@code seismo.preprocess}: demean, detrend, taper, filter, resample and cut waveforms, in a configured order. */
public final class SeismoPreprocess implements PerRecordStage<PreprocessConfig> {
  @Override
  public String description() {
    return "Applies processing steps to each waveform in the order listed: demean, linear detrend, cosine "
        + "taper, Butterworth low/high/band-pass (second-order sections designed as scipy.signal.butter; "
        + "causal like sosfilt or zero-phase like sosfiltfilt), the cosine-tapered FFT band-pass of "
        + "Valentine & Trampert (2012), resampling (FFT, or zero-phase anti-alias filter then pick) and "
        + "cutting a window relative to the first sample, the event origin (SAC o) or the P arrival (SAC a). "
        + "One waveform out per waveform in; a trace a step cannot handle (corner above its Nyquist "
        + "frequency, missing SAC header, window outside the trace) goes to errors naming the step and why.";
  }

  @Override
  public Class<PreprocessConfig> configType() {
    return PreprocessConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("waveforms", Waveform.class));
  }

  @Override
  public Class<?> output() {
    return Waveform.class;
  }

  @Override
  public String example() {
    return """
        - id: pre
          use: seismo.preprocess
          from: read
          with:
            steps:
              - {op: demean}
              - {op: detrend}
              - {op: taper, fraction: 0.05}
              - {op: bandpass, corners: [0.01, 0.1], order: 4, zero_phase: true}
              - {op: resample, rate: 1.0, method: decimate}
              - {op: cut, relative_to: p, begin: -60, end: 600}
        """;
  }

  @Override
  public RecordFn<Waveform, Waveform> recordFn(PreprocessConfig config, StageContext ctx) {
    return new PreprocessFn(new Preprocessor(config.steps()));
  }

  private record PreprocessFn(Preprocessor preprocessor) implements RecordFn<Waveform, Waveform> {
    @Override
    public void apply(Waveform w, Consumer<Waveform> out) throws RecordException {
      try {
        out.accept(preprocessor.apply(w));
      } catch (IllegalArgumentException e) {
        throw new RecordException(e.getMessage());
      }
    }

    @Override
    public String keyOf(Waveform w) {
      return WaveformKeys.key(w);
    }
  }
}
