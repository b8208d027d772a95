package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.Instant;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.Scores;
import org.moho.models.bundle.BundleException;

/**
 * Runs a model bundle over records in batches: the bundle is loaded once per JVM and each DoFn
 * instance takes its own scorer of it (in {@code @Setup} when its path is configured, else on the
 * first record from the model side input), records are buffered and scored {@code batchSize} at a time as one INDArray, and the
 * rest is flushed in {@code @FinishBundle}. A record of the wrong length or with non-finite values
 * goes to the errors output at once. Emits a scored {@link Row} (SCORE) or the latent code as a
 * {@link FeatureVector} (ENCODE).
 */
final class ModelBatchFn extends DoFn<KeyedValues, Object> {
  enum Mode { SCORE, ENCODE }

  private final String stageId;
  private final Mode mode;
  private final String modelPath;
  private final PCollectionView<Row> modelView;
  private final int batchSize;
  private final boolean latent;
  private final boolean reconstruction;

  private transient ReconstructionErrorScorer scorer;
  private transient List<Pending> buffer;

  private record Pending(KeyedValues record, Instant timestamp, BoundedWindow window) {}

  ModelBatchFn(String stageId, Mode mode, Path modelPath, PCollectionView<Row> modelView, int batchSize,
      boolean latent, boolean reconstruction) {
    this.stageId = stageId;
    this.mode = mode;
    this.modelPath = modelPath == null ? null : modelPath.toString();
    this.modelView = modelView;
    this.batchSize = batchSize;
    this.latent = latent;
    this.reconstruction = reconstruction;
  }

  @Setup
  public void setup() {
    if (modelPath != null) scorer = ReconstructionErrorScorer.shared(Path.of(modelPath));
  }

  @StartBundle
  public void startBundle() {
    buffer = new ArrayList<>();
  }

  @ProcessElement
  public void process(ProcessContext c, BoundedWindow window) {
    if (scorer == null) scorer = ReconstructionErrorScorer.shared(ModelRef.path(c.sideInput(modelView)));
    KeyedValues r = c.element();
    String reason = check(r);
    if (reason != null) {
      c.output(StageOutputs.ERRORS, ErrorRecord.of(stageId, r.key(), reason));
      return;
    }
    buffer.add(new Pending(r, c.timestamp(), window));
    if (buffer.size() >= batchSize) flush((v, p) -> c.outputWithTimestamp(StageOutputs.main(), v, p.timestamp()));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    flush((v, p) -> c.output(StageOutputs.main(), v, p.timestamp(), p.window()));
  }

  private interface Emit {
    void emit(Object value, Pending from);
  }

  private void flush(Emit emit) {
    if (buffer == null || buffer.isEmpty()) return;
    float[][] batch = new float[buffer.size()][];
    for (int i = 0; i < batch.length; i++) batch[i] = buffer.get(i).record().values();
    if (mode == Mode.SCORE) {
      Scores s = scorer.score(batch, latent, reconstruction);
      for (int i = 0; i < batch.length; i++) emit.emit(scoredRow(buffer.get(i).record(), s, i), buffer.get(i));
    } else {
      float[][] codes = scorer.encode(batch);
      for (int i = 0; i < batch.length; i++) {
        KeyedValues r = buffer.get(i).record();
        emit.emit(new FeatureVector(r.key(), codes[i], codeMetadata(r)), buffer.get(i));
      }
    }
    buffer.clear();
  }

  private String check(KeyedValues r) {
    float[] v = r.values();
    try {
      scorer.bundle().requireInputSize(v.length);
    } catch (BundleException e) {
      return "has " + v.length + " values but the model " + modelDir() + " takes " + scorer.inputSize()
          + ": use the same window or patch size as in training";
    }
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) return "value " + i + " is " + v[i] + "; the model needs finite values";
    }
    return null;
  }

  private String modelDir() {
    return scorer.bundle().dir().toString();
  }

  private Row scoredRow(KeyedValues r, Scores s, int i) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (r instanceof Patch p) {
      v.put("lon", p.lon());
      v.put("lat", p.lat());
    }
    v.put("mse", s.mse()[i]);
    v.put("e", s.e()[i]);
    if (latent) v.put("latent", text(s.latent()[i]));
    if (reconstruction) v.put("reconstruction", text(s.reconstruction()[i]));
    TrainAutoencoder.tags(r).forEach(v::putIfAbsent);
    return new Row(r.key(), v);
  }

  /** A code's metadata: the record's tags, plus lon/lat of a patch so that searches can show where. */
  private static Map<String, String> codeMetadata(KeyedValues r) {
    Map<String, String> m = new TreeMap<>(TrainAutoencoder.tags(r));
    if (r instanceof Patch p) {
      m.put("lon", Double.toString(p.lon()));
      m.put("lat", Double.toString(p.lat()));
    }
    return m;
  }

  /** Values as space-separated text that parses back to the same floats (Row columns are scalars). */
  static String text(float[] values) {
    StringBuilder b = new StringBuilder();
    for (float f : values) {
      if (b.length() > 0) b.append(' ');
      b.append(f);
    }
    return b.toString();
  }
}
