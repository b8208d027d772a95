package org.moho.core.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Many records of one width as one Beam element, stored by column: the keys, all values in one
 * row-major float array, the records' text tags, and for {@link Patch}es their centres.
 *
 * <p>Why: a runner pays a fixed cost for every element it moves between steps and for every
 * bundle (the DirectRunner some microseconds per element and step; BENCHMARKS.md, "Speed"),
 * more than scoring a small record costs; in batches records pay it once per batch. Why by
 * column: the DirectRunner keeps each step's whole output in memory until the next step takes
 * it, so a fast reader ahead of a slow scorer leaves millions of records live, and the garbage
 * collector copies every small object of them at each young collection (12 s of a 17 s run as
 * one {@code FeatureVector} per record); one array of values per batch is one object (and a
 * humongous one for G1, never copied). Arrays make {@code equals} identity-based: compare
 * {@link #record(int)}s.
 *
 * @param keys the records' keys
 * @param width values per record
 * @param values {@code keys.length * width} values, record i at {@code [i * width, (i + 1) * width)}
 * @param tags each record's metadata (FeatureVector) or attributes (Patch)
 * @param lon patch centres, or null for feature vectors
 * @param lat patch centres, or null for feature vectors
 */
@DefaultCoder(SerializableCoder.class)
public record RecordBatch(String[] keys, int width, float[] values, List<Map<String, String>> tags, double[] lon, double[] lat)
    implements Serializable {
  public RecordBatch {
    if (values.length != (long) keys.length * width) {
      throw new IllegalArgumentException(keys.length + " records of " + width + " values need " + (long) keys.length * width
          + " values, got " + values.length);
    }
    if (tags.size() != keys.length) throw new IllegalArgumentException(keys.length + " records but " + tags.size() + " tag maps");
    if ((lon == null) != (lat == null) || lon != null && (lon.length != keys.length || lat.length != keys.length)) {
      throw new IllegalArgumentException("patch centres must be given for every record, both lon and lat");
    }
    tags = List.copyOf(tags);
  }

  /** Records of one width, by column; Patches keep their centres when all records are Patches. */
  public static RecordBatch of(List<? extends KeyedValues> records) {
    int n = records.size();
    int width = n == 0 ? 0 : records.get(0).values().length;
    boolean patches = n > 0 && records.stream().allMatch(r -> r instanceof Patch);
    String[] keys = new String[n];
    float[] values = new float[n * width];
    List<Map<String, String>> tags = new ArrayList<>(n);
    double[] lon = patches ? new double[n] : null;
    double[] lat = patches ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      KeyedValues r = records.get(i);
      if (r.values().length != width) {
        throw new IllegalArgumentException("record " + r.key() + " has " + r.values().length + " values, the batch " + width);
      }
      keys[i] = r.key();
      System.arraycopy(r.values(), 0, values, i * width, width);
      if (r instanceof Patch p) {
        tags.add(p.attributes());
        if (patches) {
          lon[i] = p.lon();
          lat[i] = p.lat();
        }
      } else {
        tags.add(r instanceof FeatureVector f ? f.metadata() : Map.of());
      }
    }
    return new RecordBatch(keys, width, values, tags, lon, lat);
  }

  public int size() {
    return keys.length;
  }

  public boolean isPatches() {
    return lon != null;
  }

  /** Record {@code i} as the element it was (a Patch or a FeatureVector), values copied. */
  public KeyedValues record(int i) {
    float[] v = Arrays.copyOfRange(values, i * width, (i + 1) * width);
    if (isPatches()) return new Patch(keys[i], lon[i], lat[i], (int) Math.round(Math.sqrt(width)), v, tags.get(i));
    return new FeatureVector(keys[i], v, tags.get(i));
  }
}
