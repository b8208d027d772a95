package org.moho.pipelines.seismo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/** {@code seismo.spectrum}: binned amplitude or power spectra of waveforms or windows. */
public final class SeismoSpectrum implements PerRecordStage<SpectrumConfig> {
  @Override
  public String description() {
    return "Turns each waveform, or each window from seismo.windows (a feature vector whose metadata holds "
        + "sample_rate), into a feature vector of its amplitude or power spectrum (JTransforms real FFT, no "
        + "window function) averaged over `bins` linear or log-spaced frequency bins between fmin and fmax, "
        + "optionally smoothed first and normalised to sum 1 (Valentine & Woodhouse 2010 used 15 normalised "
        + "power bins). The key and metadata are carried over; metadata gains bin_edges_hz. A record whose "
        + "band reaches above its Nyquist frequency, without sample_rate, with no energy in the band (when "
        + "normalising) or of another type goes to errors.";
  }

  @Override
  public Class<SpectrumConfig> configType() {
    return SpectrumConfig.class;
  }

  /** Object, because the stage takes both Waveform and FeatureVector; other types become errors. */
  @Override
  public List<Port> inputs() {
    return List.of(Port.of("records", Object.class));
  }

  @Override
  public Class<?> output() {
    return FeatureVector.class;
  }

  @Override
  public String example() {
    return """
        - id: spectra
          use: seismo.spectrum
          from: windows
          with: {kind: power, fmin: 0.01, fmax: 0.5, bins: 15, spacing: log, normalize: true}
        """;
  }

  @Override
  public RecordFn<Object, FeatureVector> recordFn(SpectrumConfig config, StageContext ctx) {
    return new SpectrumFn(config.settings());
  }

  private record SpectrumFn(Spectrum.Settings settings) implements RecordFn<Object, FeatureVector> {
    @Override
    public void apply(Object record, Consumer<FeatureVector> out) throws RecordException {
      String key;
      double[] x;
      double rate;
      Map<String, String> metadata = new TreeMap<>();
      if (record instanceof Waveform w) {
        key = WaveformKeys.key(w);
        x = w.samples();
        rate = w.sampleRate();
        metadata.putAll(Map.of("network", w.network(), "station", w.station(), "location", w.location(),
            "channel", w.channel(), "start", w.start().toString(), "sample_rate", Double.toString(rate)));
      } else if (record instanceof FeatureVector v) {
        key = v.key();
        String r = v.metadata().get("sample_rate");
        if (r == null) throw new RecordException("feature vector has no sample_rate metadata (make it with seismo.windows)");
        try {
          rate = Double.parseDouble(r);
        } catch (NumberFormatException e) {
          throw new RecordException("sample_rate metadata is not a number", r);
        }
        x = new double[v.values().length];
        for (int i = 0; i < x.length; i++) x[i] = v.values()[i];
        metadata.putAll(v.metadata());
      } else {
        throw new RecordException("seismo.spectrum takes Waveform or FeatureVector, got "
            + (record == null ? "null" : record.getClass().getSimpleName()));
      }
      double[] bins;
      try {
        bins = Spectrum.features(x, rate, settings);
      } catch (IllegalArgumentException e) {
        throw new RecordException(e.getMessage());
      }
      float[] values = new float[bins.length];
      for (int i = 0; i < bins.length; i++) values[i] = (float) bins[i];
      double[] edges = Spectrum.edges(settings.fmin(), settings.fmax(), settings.bins(), settings.spacing());
      StringBuilder e = new StringBuilder();
      for (double d : edges) e.append(e.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.6g", d));
      metadata.put("bin_edges_hz", e.toString());
      metadata.put("spectrum", settings.kind().name().toLowerCase());
      out.accept(new FeatureVector(key, values, metadata));
    }

    @Override
    public String keyOf(Object record) {
      if (record instanceof Waveform w) return WaveformKeys.key(w);
      if (record instanceof FeatureVector v) return v.key();
      return RecordFn.super.keyOf(record);
    }
  }
}
