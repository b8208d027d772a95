package org.moho.pipelines.autoencoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.Row;
import org.moho.core.data.RowBatch;
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

  /** The scored Rows of {@code records} (all of the model's input size), in order. */
  static Row[] score(ReconstructionErrorScorer scorer, List<? extends KeyedValues> records, boolean latent, boolean reconstruction) {
    RecordBatch b = RecordBatch.of(records);
    Scores s = scorer.score(b.values(), 0, b.size(), latent, reconstruction);
    List<? extends Map<String, ?>> tags = b.isPatches() ? b.tags() : withCentres(records, b.tags());
    return scored(b.keys(), tags, b.lon(), b.lat(), s, latent, reconstruction).rows().toArray(Row[]::new);
  }

  /**
   * The tags of records that are not all patches, with each patch's centre put first: a batch has
   * lon/lat columns only when every record is a patch, and a patch scored among other records
   * keeps its centre all the same.
   */
  private static List<Map<String, ?>> withCentres(List<? extends KeyedValues> records, List<Map<String, String>> tags) {
    List<Map<String, ?>> out = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      if (records.get(i) instanceof Patch p) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("lon", p.lon());
        t.put("lat", p.lat());
        t.putAll(tags.get(i));
        out.add(t);
      } else {
        out.add(tags.get(i));
      }
    }
    return out;
  }

  /** The scored rows of the records {@code index[0..count)} of {@code batch}, in that order, in one network call. */
  static RowBatch score(ReconstructionErrorScorer scorer, RecordBatch batch, int[] index, int count, boolean latent,
      boolean reconstruction) {
    if (count == batch.size()) {
      Scores s = scorer.score(batch.values(), 0, count, latent, reconstruction);
      return scored(batch.keys(), batch.tags(), batch.lon(), batch.lat(), s, latent, reconstruction);
    }
    int w = batch.width();
    float[] x = new float[count * w];
    String[] keys = new String[count];
    List<Map<String, String>> tags = new ArrayList<>(count);
    double[] lon = batch.isPatches() ? new double[count] : null;
    double[] lat = batch.isPatches() ? new double[count] : null;
    for (int k = 0; k < count; k++) {
      int i = index[k];
      System.arraycopy(batch.values(), i * w, x, k * w, w);
      keys[k] = batch.keys()[i];
      tags.add(batch.tags().get(i));
      if (lon != null) {
        lon[k] = batch.lon()[i];
        lat[k] = batch.lat()[i];
      }
    }
    Scores s = scorer.score(x, 0, count, latent, reconstruction);
    return scored(keys, tags, lon, lat, s, latent, reconstruction);
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

  /**
   * The scored rows by column: lon and lat for patches, mse, e, on request the latent code and the
   * reconstruction as text, then the record's tags (a tag named like a column is left out).
   */
  private static RowBatch scored(String[] keys, List<? extends Map<String, ?>> tags, double[] lon, double[] lat, Scores s,
      boolean latent, boolean reconstruction) {
    List<String> names = new ArrayList<>(6);
    List<Object> columns = new ArrayList<>(6);
    if (lon != null) {
      names.addAll(List.of("lon", "lat"));
      columns.addAll(List.of(lon, lat));
    }
    names.addAll(List.of("mse", "e"));
    columns.addAll(List.of(s.mse(), s.e()));
    if (latent) {
      names.add("latent");
      columns.add(texts(s.latent()));
    }
    if (reconstruction) {
      names.add("reconstruction");
      columns.add(texts(s.reconstruction()));
    }
    return new RowBatch(keys, names, columns, List.<Map<String, ?>>copyOf(tags));
  }

  private static String[] texts(float[][] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < out.length; i++) out[i] = text(values[i]);
    return out;
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
