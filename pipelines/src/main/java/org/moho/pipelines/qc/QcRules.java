package org.moho.pipelines.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/**
 * {@code qc.rules}: a QC score per window from its seismo.metrics vector, optionally joined with
 * an autoencoder's reconstruction error for the same key.
 *
 * <pre>{@code
 * - id: qc
 *   use: qc.rules
 *   from: [metrics, ae_scores]
 *   with: {ae_column: mse, ae_threshold: 0.02}
 * }</pre>
 *
 * <p>Guarantees: one row per metrics vector, keyed as it, with {@code score} (the largest of the
 * per-kind scores, joined, when there is an autoencoder score, by {@code combine}: the larger of
 * the two or their weighted geometric mean; ≥ 1 means flagged), {@code flags}, a
 * {@code score_KIND} and {@code flag_KIND} column per kind, the metrics, and the vector's
 * metadata ({@code label} as a number). With the scores input, vectors and score rows are joined
 * on key with CoGroupByKey: a vector without a score row is still scored (counter
 * {@code scores.missing}), a score row without a vector is counted ({@code scores.unmatched}), two
 * score rows for one key or a non-numeric score make the vector an error. Vectors that are not
 * seismo.metrics output go to errors.
 */
public final class QcRules implements PerRecordStage<RulesConfig> {
  public static final String SCORES_MISSING = "scores.missing";
  public static final String SCORES_UNMATCHED = "scores.unmatched";

  @Override
  public String description() {
    return "Scores each window's seismo.metrics vector with one rule per damage kind: score_KIND = metric / "
        + "threshold (longest_flat for gap, spike_peak for spikes, clip_fraction for clipping, gain_step for gain, "
        + "timing_jump for timing; for dead the larger of dead_distinct / distinct_fraction and dead_std / std), "
        + "flag_KIND = score_KIND >= 1, and score = the largest (higher = more likely bad). An optional second "
        + "input of Rows keyed by window (autoencoder.score's mse / e) is joined on key with CoGroupByKey and adds "
        + "score_ae = ae_column / ae_threshold; score is then the larger of the rules' score and score_ae (combine: max) "
        + "or their weighted geometric mean rules^(1 - ae_weight) * score_ae^ae_weight (combine: geometric). Output: Rows with score, flags, per-kind scores and flags, the "
        + "metrics and the vector's metadata. Thresholds default to values tuned on clean windows of other stations.";
  }

  @Override
  public Class<RulesConfig> configType() {
    return RulesConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("metrics", FeatureVector.class), Port.optional("scores", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: qc
          use: qc.rules
          from: [metrics]
          with: {spike_peak: 8.2, gain_step: 0.91}
        """;
  }

  /** Per window when the scores port is not connected (the compiler fuses only then). */
  @Override
  public RecordFn<FeatureVector, Row> recordFn(RulesConfig config, StageContext ctx) {
    return (FeatureVector v, java.util.function.Consumer<Row> out) -> out.accept(scoredRow(config, v, null));
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(RulesConfig config, StageContext ctx) {
    return new ScoreWindows(ctx.stageId(), config, recordFn(config, ctx));
  }

  private static final class ScoreWindows extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final RulesConfig config;

    private final RecordFn<FeatureVector, Row> rulesOnly;

    ScoreWindows(String stageId, RulesConfig config, RecordFn<FeatureVector, Row> rulesOnly) {
      this.stageId = stageId;
      this.config = config;
      this.rulesOnly = rulesOnly;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<FeatureVector> metrics = inputs.get(0);
      if (!inputs.present(1)) {
        return metrics.apply("Score", WithErrors.of(stageId, Row.class, rulesOnly));
      }
      if (config.aeThreshold() == null) {
        throw new ConfigException("ae_threshold", "is required when the scores input is connected");
      }
      PCollection<Row> scores = inputs.get(1);
      TupleTag<FeatureVector> vectorTag = new TupleTag<>("metrics");
      TupleTag<Row> scoreTag = new TupleTag<>("scores");
      PCollection<KV<String, FeatureVector>> byKeyMetrics = metrics.apply("KeyMetrics",
          WithKeys.of((FeatureVector v) -> v.key()).withKeyType(TypeDescriptors.strings()));
      byKeyMetrics.setCoder(KvCoder.of(StringUtf8Coder.of(), WithErrors.coder(metrics, FeatureVector.class)));
      PCollection<KV<String, Row>> byKeyScores = scores.apply("KeyScores",
          WithKeys.of((Row r) -> r.key()).withKeyType(TypeDescriptors.strings()));
      byKeyScores.setCoder(KvCoder.of(StringUtf8Coder.of(), WithErrors.coder(scores, Row.class)));
      PCollectionTuple out = KeyedPCollectionTuple.of(vectorTag, byKeyMetrics).and(scoreTag, byKeyScores)
          .apply("Join", CoGroupByKey.create())
          .apply("ScoreJoined", ParDo.of(new JoinedFn(stageId, config, vectorTag, scoreTag))
              .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
      out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(metrics, Row.class));
      return out;
    }
  }

  /** One key's vectors and score rows → rows, errors and counters. */
  private static final class JoinedFn extends DoFn<KV<String, CoGbkResult>, Row> {
    private final String stageId;
    private final RulesConfig config;
    private final TupleTag<FeatureVector> vectorTag;
    private final TupleTag<Row> scoreTag;
    private final Counter missing;
    private final Counter unmatched;

    JoinedFn(String stageId, RulesConfig config, TupleTag<FeatureVector> vectorTag, TupleTag<Row> scoreTag) {
      this.stageId = stageId;
      this.config = config;
      this.vectorTag = vectorTag;
      this.scoreTag = scoreTag;
      this.missing = Metrics.counter(stageId, SCORES_MISSING);
      this.unmatched = Metrics.counter(stageId, SCORES_UNMATCHED);
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) {
      List<Row> scores = new ArrayList<>();
      e.getValue().getAll(scoreTag).forEach(scores::add);
      List<FeatureVector> vectors = new ArrayList<>();
      e.getValue().getAll(vectorTag).forEach(vectors::add);
      if (vectors.isEmpty()) {
        unmatched.inc(scores.size());
        return;
      }
      for (FeatureVector v : vectors) {
        try {
          if (scores.size() > 1) throw new RecordException(scores.size() + " score rows share the key " + e.getKey());
          Row row = scoredRow(config, v, scores.isEmpty() ? null : scores.get(0));
          if (scores.isEmpty()) missing.inc(); // counted only for rows that are output
          out.get(StageOutputs.<Row>main()).output(row);
        } catch (RecordException x) {
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, v.key(), x.getMessage(), x.value()));
        }
      }
    }
  }

  /** The row of one window; {@code ae} is its autoencoder row or null. */
  static Row scoredRow(RulesConfig config, FeatureVector v, Row ae) throws RecordException {
    String names = v.metadata().get(SeismoMetrics.NAMES_KEY);
    if (names == null) throw new RecordException("no 'metrics' metadata: make the input with seismo.metrics");
    String[] n = names.split(",");
    if (n.length != v.values().length) {
      throw new RecordException(n.length + " metric names but " + v.values().length + " values");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      if (!Float.isFinite(v.values()[i])) throw new RecordException("metric " + n[i] + " is " + v.values()[i]);
      metrics.put(n[i], (double) v.values()[i]);
    }
    double aeValue = Double.NaN;
    if (ae != null) {
      Object raw = ae.get(config.aeColumn());
      if (!(raw instanceof Number num) || !Double.isFinite(num.doubleValue())) {
        throw new RecordException("score row has no finite number in column '" + config.aeColumn() + "'", String.valueOf(raw));
      }
      aeValue = num.doubleValue();
    }
    RuleScorer.Scores s;
    try {
      s = new RuleScorer(config).score(metrics, aeValue);
    } catch (IllegalArgumentException e) {
      throw new RecordException(e.getMessage());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("score", s.score());
    row.put("flags", s.flags());
    s.byKind().forEach((k, x) -> row.put("score_" + k.label(), x));
    s.byKind().forEach((k, x) -> row.put("flag_" + k.label(), x >= 1));
    if (ae != null) {
      row.put(config.aeColumn(), aeValue);
      row.put("score_ae", s.ae());
      row.put("flag_ae", s.ae() >= 1);
    }
    row.putAll(metrics);
    v.metadata().forEach((k, x) -> {
      if (k.equals(SeismoMetrics.NAMES_KEY) || row.containsKey(k)) return;
      row.put(k, k.equals("label") ? (Object) parseLabel(x) : x);
    });
    return new Row(v.key(), row);
  }

  private static Object parseLabel(String x) {
    try {
      return Long.parseLong(x);
    } catch (NumberFormatException e) {
      return x;
    }
  }
}
