package org.moho.pipelines.autoencoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.Row;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.Scores;
import org.moho.models.bundle.BundleException;

/**
 * What {@code autoencoder.score}, {@code autoencoder.score-batches} and {@code autoencoder.encode}
 * do with records, whether they arrive one per element or in {@link org.moho.core.data.RecordBatch}es:
 * the check that sends a record to the errors output, and the scored Row or code of each record of
 * a batch (one network call per batch).
 */
final class RecordScoring {
  private RecordScoring() {}

  /** Why {@code r} cannot be scored by {@code scorer}, or null when it can. */
  static String problem(ReconstructionErrorScorer scorer, KeyedValues r) {
    return problem(scorer, r.values(), 0, r.values().length);
  }

  /** Why the record of {@code width} values at {@code v[from..]} cannot be scored, or null when it can. */
  static String problem(ReconstructionErrorScorer scorer, float[] v, int from, int width) {
    try {
      scorer.bundle().requireInputSize(width);
    } catch (BundleException e) {
      return "has " + width + " values but the model " + scorer.bundle().dir() + " takes " + scorer.inputSize()
          + ": use the same window or patch size as in training";
    }
    if (allFinite(v, from, width)) return null;
    for (int i = 0; i < width; i++) {
      if (!Float.isFinite(v[from + i])) return "value " + i + " is " + v[from + i] + "; the model needs finite values";
    }
    throw new AssertionError("unreachable: a non-finite value was seen");
  }

  /**
   * True when no value is NaN or infinite: a float is either iff its exponent bits are all ones,
   * and adding one to an all-ones exponent carries into the sign bit. Written as an OR-reduction
   * without a branch so that C2 vectorises it: the loop with an early exit on Float.isFinite cost
   * as much as a third of the network's SGEMM time per record (JFR of the Beam scoring benchmark).
   */
  static boolean allFinite(float[] v, int from, int count) {
    int carry = 0;
    for (int i = from; i < from + count; i++) carry |= (Float.floatToRawIntBits(v[i]) & 0x7f800000) + 0x00800000;
    return carry >= 0;
  }

  /** The scored Rows of {@code records}, in order. */
  static Row[] score(ReconstructionErrorScorer scorer, List<? extends KeyedValues> records, boolean latent, boolean reconstruction) {
    Scores s = scorer.score(values(records), latent, reconstruction);
    Row[] rows = new Row[records.size()];
    for (int i = 0; i < rows.length; i++) {
      KeyedValues r = records.get(i);
      Patch p = r instanceof Patch q ? q : null;
      rows[i] = scoredRow(r.key(), TrainAutoencoder.tags(r), p != null, p == null ? 0 : p.lon(), p == null ? 0 : p.lat(), s, i,
          latent, reconstruction);
    }
    return rows;
  }

  /** The scored Rows of the records {@code index[0..count)} of {@code batch}, in that order, in one network call. */
  static Row[] score(ReconstructionErrorScorer scorer, RecordBatch batch, int[] index, int count, boolean latent,
      boolean reconstruction) {
    int w = batch.width();
    float[] x;
    if (count == batch.size()) {
      x = batch.values();
    } else {
      x = new float[count * w];
      for (int k = 0; k < count; k++) System.arraycopy(batch.values(), index[k] * w, x, k * w, w);
    }
    Scores s = scorer.score(x, 0, count, latent, reconstruction);
    Row[] rows = new Row[count];
    boolean patches = batch.isPatches();
    for (int k = 0; k < count; k++) {
      int i = index[k];
      rows[k] = scoredRow(batch.keys()[i], batch.tags().get(i), patches, patches ? batch.lon()[i] : 0, patches ? batch.lat()[i] : 0,
          s, k, latent, reconstruction);
    }
    return rows;
  }

  /** The latent codes of {@code records} as FeatureVectors, in order. */
  static FeatureVector[] encode(ReconstructionErrorScorer scorer, List<? extends KeyedValues> records) {
    float[][] codes = scorer.encode(values(records));
    FeatureVector[] out = new FeatureVector[codes.length];
    for (int i = 0; i < codes.length; i++) {
      KeyedValues r = records.get(i);
      out[i] = new FeatureVector(r.key(), codes[i], codeMetadata(r));
    }
    return out;
  }

  private static float[][] values(List<? extends KeyedValues> records) {
    float[][] batch = new float[records.size()][];
    for (int i = 0; i < batch.length; i++) batch[i] = records.get(i).values();
    return batch;
  }

  private static Row scoredRow(String key, Map<String, String> tags, boolean patch, double lon, double lat, Scores s, int i,
      boolean latent, boolean reconstruction) {
    LinkedHashMap<String, Object> v = new LinkedHashMap<>();
    if (patch) {
      v.put("lon", lon);
      v.put("lat", lat);
    }
    v.put("mse", s.mse()[i]);
    v.put("e", s.e()[i]);
    if (latent) v.put("latent", text(s.latent()[i]));
    if (reconstruction) v.put("reconstruction", text(s.reconstruction()[i]));
    tags.forEach(v::putIfAbsent);
    return Row.owning(key, v);
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
