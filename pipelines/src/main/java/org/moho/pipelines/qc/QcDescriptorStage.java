package org.moho.pipelines.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.FeatureVector;
import org.moho.core.stage.Gather;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code qc.descriptor}: the {@link QcDescriptor} of each seismo.metrics vector, the input of a
 * QC autoencoder.
 *
 * <pre>{@code
 * - id: descriptors
 *   use: qc.descriptor
 *   from: metrics
 * }</pre>
 *
 * <p>Guarantees: one vector out per seismo.metrics vector in, keyed as it, its metadata kept plus
 * {@code descriptor} (the value names) and {@code qc_reference}; vectors that are not seismo.metrics
 * output (metadata {@code metrics} missing or naming other metrics) or hold a non-finite value go
 * to errors. A channel's reference level (NET.STA.LOC.CHA from the metadata, else the key before
 * '@') is the median std of all its vectors in the input, damaged or not: the stage gathers each
 * channel's vectors on one worker, as a station's long-term level would be computed. A median does
 * not move far while fewer than half the windows are off.
 */
public final class QcDescriptorStage implements StageType<QcDescriptorStage.Config> {
  /** Metadata key listing the value names in order. */
  public static final String NAMES_KEY = "descriptor";
  /** Metadata key of the channel's reference level (record units). */
  public static final String REFERENCE_KEY = "qc_reference";

  /** The {@code with:} block: nothing to set. */
  public record Config() implements java.io.Serializable {}

  @Override
  public String description() {
    return "Turns seismo.metrics vectors into QC descriptors that an autoencoder can compress and in which every"
        + " damage kind shows, on scales where clean windows of different stations look alike: the fractions"
        + " (zero_fraction, flat_fraction, longest_flat, clip_fraction, clip_run, distinct_fraction) as log10 with a"
        + " floor of 0.001; std as log10 of std over the channel's reference level (the median std of the channel's"
        + " vectors in the input, so gain errors and dead channels show); the log-ratio metrics (rms_jump_halves,"
        + " rms_jump_quarters, gain_step) as they are; the other ratios as log10(1 + m). Output keyed as the input,"
        + " with its metadata, `descriptor` (the value names) and `qc_reference`. Each channel's vectors are gathered"
        + " on one worker. Vectors that are not seismo.metrics output or hold a non-finite value go to errors.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("metrics", FeatureVector.class));
  }

  @Override
  public Class<?> output() {
    return FeatureVector.class;
  }

  @Override
  public String example() {
    return """
        - id: descriptors
          use: qc.descriptor
          from: metrics
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new Describe(ctx.stageId());
  }

  private static final class Describe extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;

    Describe(String stageId) {
      this.stageId = stageId;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<FeatureVector> metrics = inputs.get(0);
      PCollectionTuple checked = metrics.apply("Check", WithErrors.of(stageId, FeatureVector.class, new CheckFn()));
      PCollection<FeatureVector> valid = StageOutputs.main(checked);
      valid.setCoder(WithErrors.coder(metrics, FeatureVector.class));
      PCollection<FeatureVector> described = valid
          .apply("ByChannel", WithKeys.of(QcDescriptorStage::channel).withKeyType(TypeDescriptors.strings()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), WithErrors.coder(metrics, FeatureVector.class)))
          .apply("Gather", Gather.byKey())
          .apply("Describe", ParDo.of(new DescribeChannelFn()));
      described.setCoder(WithErrors.coder(metrics, FeatureVector.class));
      return StageOutputs.of(described, StageOutputs.errors(checked));
    }
  }

  /** NET.STA.LOC.CHA from the metadata seismo.windows writes, else the key up to '@'. */
  static String channel(FeatureVector v) {
    Map<String, String> m = v.metadata();
    if (m.containsKey("network") && m.containsKey("station") && m.containsKey("channel")) {
      return m.get("network") + "." + m.get("station") + "." + m.getOrDefault("location", "") + "." + m.get("channel");
    }
    int at = v.key().indexOf('@');
    return at < 0 ? v.key() : v.key().substring(0, at);
  }

  /** Passes a vector on when it is a finite seismo.metrics vector. */
  private static final class CheckFn implements RecordFn<FeatureVector, FeatureVector> {
    private static final String NAMES = String.join(",", QcMetrics.NAMES);

    @Override
    public void apply(FeatureVector v, Consumer<FeatureVector> out) throws RecordException {
      if (!NAMES.equals(v.metadata().get(SeismoMetrics.NAMES_KEY)) || v.values().length != QcMetrics.NAMES.size()) {
        throw new RecordException("not a seismo.metrics vector (metadata 'metrics' must be " + NAMES + ")");
      }
      for (int i = 0; i < v.values().length; i++) {
        if (!Float.isFinite(v.values()[i])) throw new RecordException(QcMetrics.NAMES.get(i) + " is " + v.values()[i] + " (not finite)");
      }
      out.accept(v);
    }

    @Override
    public String keyOf(FeatureVector v) {
      return v.key();
    }
  }

  /** All vectors of one channel: their reference level, then each one's descriptor. */
  private static final class DescribeChannelFn extends DoFn<KV<String, Iterable<FeatureVector>>, FeatureVector> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<FeatureVector>> e, OutputReceiver<FeatureVector> out) {
      List<FeatureVector> vectors = new ArrayList<>();
      e.getValue().forEach(vectors::add);
      double reference = QcDescriptor.reference(vectors.stream().mapToDouble(v -> v.values()[QcDescriptor.STD]).toArray());
      String names = String.join(",", QcDescriptor.names());
      for (FeatureVector v : vectors) {
        double[] m = new double[v.values().length];
        for (int i = 0; i < m.length; i++) m[i] = v.values()[i];
        Map<String, String> metadata = new TreeMap<>(v.metadata());
        metadata.put(NAMES_KEY, names);
        metadata.put(REFERENCE_KEY, Double.toString(reference));
        out.output(new FeatureVector(v.key(), QcDescriptor.describe(m, reference), metadata));
      }
    }
  }
}
