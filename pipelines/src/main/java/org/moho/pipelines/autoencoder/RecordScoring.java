package org.moho.pipelines.autoencoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
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
    float[] v = r.values();
    try {
      scorer.bundle().requireInputSize(v.length);
    } catch (BundleException e) {
      return "has " + v.length + " values but the model " + scorer.bundle().dir() + " takes " + scorer.inputSize()
          + ": use the same window or patch size as in training";
    }
    if (allFinite(v)) return null;
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) return "value " + i + " is " + v[i] + "; the model needs finite values";
    }
    throw new AssertionError("unreachable: a non-finite value was seen");
  }

  /**
   * True when no value is NaN or infinite: a float is either iff its exponent bits are all ones,
   * and adding one to an all-ones exponent carries into the sign bit. Written as an OR-reduction
   * without a branch so that C2 vectorises it: the loop with an early exit on Float.isFinite cost
   * as much as a third of the network's SGEMM time per record (JFR of the Beam scoring benchmark).
   */
  static boolean allFinite(float[] v) {
    int carry = 0;
    for (float f : v) carry |= (Float.floatToRawIntBits(f) & 0x7f800000) + 0x00800000;
    return carry >= 0;
  }

  /** The scored Rows of {@code records}, in order. */
  static Row[] score(ReconstructionErrorScorer scorer, List<? extends KeyedValues> records, boolean latent, boolean reconstruction) {
    Scores s = scorer.score(values(records), latent, reconstruction);
    Row[] rows = new Row[records.size()];
    for (int i = 0; i < rows.length; i++) rows[i] = scoredRow(records.get(i), s, i, latent, reconstruction);
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

  private static Row scoredRow(KeyedValues r, Scores s, int i, boolean latent, boolean reconstruction) {
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
