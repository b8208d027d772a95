package org.moho.pipelines.qc;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.moho.core.data.FeatureVector;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * {@code seismo.metrics}: the per-window quality metrics of {@link QcMetrics} as a feature vector.
 *
 * <pre>{@code
 * - id: metrics
 *   use: seismo.metrics
 *   from: windows
 * }</pre>
 *
 * <p>Guarantees: one vector out per record in, keyed as the input (a Waveform is keyed
 * {@code NET.STA.LOC.CHA@start} like seismo.windows), values in the order of
 * {@link QcMetrics#NAMES}, which metadata {@code metrics} lists; the input's metadata (or a
 * waveform's identity and attributes) is carried over, so damage labels follow. Records with a
 * non-finite sample, shorter than 65 samples or of another type go to errors.
 */
public final class SeismoMetrics implements PerRecordStage<MetricsConfig> {
  /** Metadata key listing the metric names in value order. */
  public static final String NAMES_KEY = "metrics";

  @Override
  public String description() {
    return "Computes per-window quality metrics in the manner of IRIS MUSTANG on windows (FeatureVectors from "
        + "seismo.windows) or Waveforms: zero_fraction, flat_fraction, longest_flat (gaps and flat runs), "
        + "spike_count and spike_peak (MAD outliers of the second-difference residual), clip_fraction and clip_run "
        + "(samples sitting on the extremes), std and distinct_fraction (dead channel), rms_jump_halves, "
        + "rms_jump_quarters and gain_step (changes of the scale of the first differences), max_median_ratio and "
        + "timing_jump (the largest lasting step of the first differences over their MAD sigma). Output: one "
        + "FeatureVector per record with the values in that order, metadata `metrics` naming them, and the input's "
        + "metadata. Non-finite samples, records under 65 samples and other types go to errors.";
  }

  @Override
  public Class<MetricsConfig> configType() {
    return MetricsConfig.class;
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
        - id: metrics
          use: seismo.metrics
          from: windows
          with: {min_run: 4, spike_k: 8}
        """;
  }

  @Override
  public RecordFn<Object, FeatureVector> recordFn(MetricsConfig config, StageContext ctx) {
    return new MetricsFn(config.settings());
  }

  private record MetricsFn(QcMetrics.Settings settings) implements RecordFn<Object, FeatureVector> {
    @Override
    public void apply(Object record, Consumer<FeatureVector> out) throws RecordException {
      double[] x = QcRecords.samples(record);
      QcRecords.requireFinite(x);
      if (x.length < QcMetrics.MIN_LENGTH) {
        throw new RecordException("record of " + x.length + " samples is under the " + QcMetrics.MIN_LENGTH + " the metrics need");
      }
      double[] m = QcMetrics.compute(x, settings);
      float[] values = new float[m.length];
      for (int i = 0; i < m.length; i++) values[i] = (float) m[i];
      Map<String, String> metadata = QcRecords.metadata(record);
      metadata.put(NAMES_KEY, String.join(",", QcMetrics.NAMES));
      out.accept(new FeatureVector(QcRecords.key(record), values, metadata));
    }

    @Override
    public String keyOf(Object record) {
      return QcRecords.key(record);
    }
  }
}
