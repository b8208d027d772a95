package org.moho.models.autoencoder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact k-nearest-neighbour search in latent space (Euclidean), by brute force over a float
 * matrix.
 *
 * <p>Why brute force: codes are short (8 to 64 values) and collections of patches or waveform
 * windows run to 10^4 to 10^6 records, so one query costs N*d multiply-adds, a few milliseconds
 * at 10^6 x 32; it is exact, has no build step or tuning, and needs no library. Tree indexes lose
 * to a scan beyond ~20 dimensions and approximate ones (HNSW) would trade exactness for speed we
 * do not need at this size. Distances are accumulated in double, so ties and near-ties are
 * ordered reproducibly (ties by row index).
 */
public final class LatentIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> keys;
  private final float[][] codes;

  public LatentIndex(List<String> keys, float[][] codes) {
    if (keys.size() != codes.length) throw new IllegalArgumentException("one key per code needed");
    for (float[] c : codes) {
      if (c.length != codes[0].length) throw new IllegalArgumentException("codes differ in length");
    }
    this.keys = List.copyOf(keys);
    this.codes = codes;
  }

  public int size() {
    return codes.length;
  }

  public int dimension() {
    return codes.length == 0 ? 0 : codes[0].length;
  }

  /** The {@code k} nearest codes to {@code query}, nearest first. */
  public List<Neighbour> nearest(float[] query, int k) {
    return nearest(query, k, null);
  }

  /** As {@link #nearest(float[], int)}, leaving out entries whose key equals {@code excludeKey}. */
  public List<Neighbour> nearest(float[] query, int k, String excludeKey) {
    if (codes.length > 0 && query.length != codes[0].length) {
      throw new IllegalArgumentException("query has " + query.length + " values, the codes have " + codes[0].length);
    }
    Comparator<Neighbour> order = Comparator.comparingDouble(Neighbour::distance).thenComparingInt(Neighbour::index);
    PriorityQueue<Neighbour> worstFirst = new PriorityQueue<>(k + 1, order.reversed());
    for (int i = 0; i < codes.length; i++) {
      if (excludeKey != null && excludeKey.equals(keys.get(i))) continue;
      float[] c = codes[i];
      double d2 = 0;
      for (int j = 0; j < c.length; j++) {
        double d = (double) c[j] - query[j];
        d2 += d * d;
      }
      if (worstFirst.size() < k || d2 < worstFirst.peek().distance() * worstFirst.peek().distance()) {
        worstFirst.add(new Neighbour(keys.get(i), i, Math.sqrt(d2)));
        if (worstFirst.size() > k) worstFirst.poll();
      }
    }
    List<Neighbour> out = new ArrayList<>(worstFirst);
    out.sort(order);
    return out;
  }
}
