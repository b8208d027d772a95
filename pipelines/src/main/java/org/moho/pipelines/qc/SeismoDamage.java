package org.moho.pipelines.qc;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * {@code seismo.damage}: seeded, documented damage (gap, spikes, clipping, dead channel, gain
 * error, timing shift) on a fraction of records, for testing QC rules and detectors against a
 * known truth.
 *
 * <pre>{@code
 * - id: damaged
 *   use: seismo.damage
 *   from: windows
 *   with: {kinds: [gap, spikes, clipping, dead, gain], keep_clean: true, seed: 7}
 * }</pre>
 *
 * <p>Guarantees: each record's draws (damaged or not, which kind, where, how much) come from a
 * random stream seeded by {@code seed} and a 64-bit hash of the record's key only, so every
 * runner and re-run produces the same output in any order. One record out per record in (two
 * with {@code keep_clean}); the output has the input's type. A record with a non-finite sample
 * or shorter than 16 samples goes to errors.
 */
public abstract class SeismoDamage implements PerRecordStage<DamageConfig> {
  private final Class<?> type;

  private SeismoDamage(Class<?> type) {
    this.type = type;
  }

  /** {@code seismo.damage}: windows (FeatureVector → FeatureVector), the usual case. */
  public static final class Windows extends SeismoDamage {
    public Windows() {
      super(FeatureVector.class);
    }
  }

  /**
   * {@code seismo.damage-waveforms}: whole traces (Waveform → Waveform). seismo.windows does not
   * carry attributes, so damage windows, not traces, when the labels must reach the metrics.
   */
  public static final class Waveforms extends SeismoDamage {
    public Waveforms() {
      super(Waveform.class);
    }
  }

  @Override
  public String description() {
    return (type == Waveform.class ? "Waveform variant of seismo.damage (attributes instead of metadata; the damaged "
        + "copy's source ends in #KIND). " : "") + "Damages a seeded fraction of windows (FeatureVectors from seismo.windows) or Waveforms the way "
        + "instruments and telemetry do: a gap (zeros or a held value over 5-30 % of the record), a few "
        + "single-sample spikes of k x max |x|, clipping at a fraction of the peak, a dead channel (constant or "
        + "tiny noise), a gain error (a stretch scaled by e.g. 0.1 or 10) or a timing shift (the later part "
        + "delayed by a few samples). Each record gets metadata (or, for Waveforms, attributes) damage = "
        + "none|gap|spikes|clipping|dead|gain|timing, label = 0|1 and damage_detail (the draws). With "
        + "keep_clean every record passes clean and a damaged copy keyed KEY#KIND follows it. Draws depend "
        + "only on seed and the record's key, so runners agree. Non-finite or too short records go to errors.";
  }

  @Override
  public Class<DamageConfig> configType() {
    return DamageConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("records", type));
  }

  @Override
  public Class<?> output() {
    return type;
  }

  @Override
  public String example() {
    return type == Waveform.class ? """
        - id: damaged
          use: seismo.damage-waveforms
          from: raw
          with: {kinds: [gap, spikes], fraction: 0.2, seed: 7}
        """ : """
        - id: damaged
          use: seismo.damage
          from: windows
          with: {kinds: [gap, spikes, clipping, dead, gain, timing], fraction: 0.5, seed: 7}
        """;
  }

  @Override
  public RecordFn<?, ?> recordFn(DamageConfig config, StageContext ctx) {
    return new DamageFn<>(config, type);
  }

  record DamageFn<T>(DamageConfig config, Class<T> type) implements RecordFn<T, T> {
    @Override
    public void apply(T record, Consumer<T> out) throws RecordException {
      String key = QcRecords.key(record);
      double[] x = QcRecords.samples(record);
      QcRecords.requireFinite(x);
      if (x.length < Damager.MIN_LENGTH) {
        throw new RecordException("record of " + x.length + " samples is too short to damage (under " + Damager.MIN_LENGTH + ")");
      }
      SplittableRandom rng = RecordSeeds.random(config.seed(), key);
      boolean damaged = config.keepClean() || rng.nextDouble() < config.fraction();
      DamageKind kind = damaged ? config.kinds().get(rng.nextInt(config.kinds().size())) : DamageKind.NONE;
      if (config.keepClean()) out.accept(type.cast(labelled(record, key, x, DamageKind.NONE, "")));
      Damager.Damage d = Damager.apply(kind, x, config, rng);
      out.accept(type.cast(labelled(record, config.keepClean() ? key + "#" + kind.label() : key, d.samples(), kind, d.detail())));
    }

    private static Object labelled(Object record, String key, double[] y, DamageKind kind, String detail) {
      Map<String, String> tags = new TreeMap<>();
      tags.put("damage", kind.label());
      tags.put("label", kind == DamageKind.NONE ? "0" : "1");
      tags.put("damage_detail", detail);
      if (record instanceof Waveform w) {
        Map<String, String> attributes = new TreeMap<>(w.attributes());
        attributes.putAll(tags);
        // a damaged copy names itself in source, as the Waveform has no key of its own
        String source = key.contains("#") ? w.source() + key.substring(key.indexOf('#')) : w.source();
        return new Waveform(w.network(), w.station(), w.location(), w.channel(), w.start(), w.sampleRate(), y, source, attributes);
      }
      FeatureVector v = (FeatureVector) record;
      float[] values = new float[y.length];
      for (int i = 0; i < y.length; i++) values[i] = (float) y[i];
      Map<String, String> metadata = new TreeMap<>(v.metadata());
      metadata.putAll(tags);
      return new FeatureVector(key, values, metadata);
    }

    @Override
    public String keyOf(T record) {
      return QcRecords.key(record);
    }
  }
}
