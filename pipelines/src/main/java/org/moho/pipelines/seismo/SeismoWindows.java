package org.moho.pipelines.seismo;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code seismo.windows}: cuts each waveform into fixed-length windows, one feature vector each. */
public final class SeismoWindows implements StageType<WindowsConfig> {
  /** Counter of traces shorter than one window. */
  public static final String SKIPPED_SHORT = "skipped.short";

  @Override
  public String description() {
    return "Cuts each waveform into fixed-length windows (length and step in seconds or samples; only whole "
        + "windows, starting at the first sample) and emits each as a feature vector of its samples, keyed "
        + "NET.STA.LOC.CHA@<ISO time of the window's first sample>, with metadata network, station, location, "
        + "channel, start and sample_rate (so seismo.spectrum can use it). A trace shorter than one window "
        + "yields nothing and is counted in skipped.short; a rate at which the window rounds to 0 samples is "
        + "an error. The windows of a trace are emitted in bounded bundles (a splittable DoFn over the window "
        + "indices), so memory does not grow with the length of a trace.";
  }

  @Override
  public Class<WindowsConfig> configType() {
    return WindowsConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("waveforms", Waveform.class));
  }

  @Override
  public Class<?> output() {
    return FeatureVector.class;
  }

  @Override
  public String example() {
    return """
        - id: windows
          use: seismo.windows
          from: pre
          with: {length: 600, step: 300, unit: seconds}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(WindowsConfig config, StageContext ctx) {
    return new Windows(ctx.stageId(), config);
  }

  /**
   * Two steps: a per-trace check (an unusable rate is an error record, a trace shorter than one
   * window is counted), then {@link WindowCutter}, which emits the windows in bundles of bounded size.
   */
  private static final class Windows extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final WindowsConfig config;

    Windows(String stageId, WindowsConfig config) {
      this.stageId = stageId;
      this.config = config;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<Waveform> waveforms = inputs.get(0);
      PCollectionTuple checked = waveforms.apply("Check", WithErrors.of(stageId, Waveform.class,
          new WindowCheck(config, Metrics.counter(stageId, SKIPPED_SHORT))));
      PCollection<Waveform> traces = StageOutputs.main(checked);
      traces.setCoder(WaveformCoder.of());
      PCollection<FeatureVector> windows = traces
          .apply("Cut", ParDo.of(new WindowCutter(config)));
      windows.setCoder(WithErrors.coder(windows, FeatureVector.class));
      return StageOutputs.of(windows, StageOutputs.errors(checked));
    }
  }

  /** Passes on each waveform that yields at least one window. */
  private record WindowCheck(WindowsConfig config, Counter skippedShort) implements RecordFn<Waveform, Waveform> {
    @Override
    public void apply(Waveform w, Consumer<Waveform> out) throws RecordException {
      int length = config.lengthSamples(w.sampleRate());
      int step = config.stepSamples(w.sampleRate());
      if (length < 1 || step < 1) {
        throw new RecordException("window length " + length + " or step " + step + " is under one sample at "
            + w.sampleRate() + " Hz");
      }
      if (FixedWindows.count(w.length(), length, step) == 0) {
        skippedShort.inc();
        return;
      }
      out.accept(w);
    }

    @Override
    public String keyOf(Waveform w) {
      return WaveformKeys.key(w);
    }
  }
}
