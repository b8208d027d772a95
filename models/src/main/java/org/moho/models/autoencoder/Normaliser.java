package org.moho.models.autoencoder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input scaling fitted on the training split: {@code x' = (x - offset) / scale}, with one
 * offset/scale for all positions or one per position. Stored in a bundle as plain JSON (not
 * DL4J's binary normaliser) so that a user or another tool can read the scaling.
 *
 * @param scaling how it was fitted
 * @param offset subtracted; length 1 (all positions) or the input size
 * @param scale divided by, never 0; same length as offset
 */
public record Normaliser(Scaling scaling, float[] offset, float[] scale) {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  public Normaliser {
    if (offset.length != scale.length) throw new IllegalArgumentException("offset and scale lengths differ");
  }

  /** Fits {@code scaling} on the rows of {@code x} listed in {@code rows}. */
  public static Normaliser fit(Scaling scaling, float[][] x, int[] rows) {
    int n = x[0].length;
    switch (scaling) {
      case NONE:
        return new Normaliser(scaling, new float[] {0f}, new float[] {1f});
      case STANDARDIZE: {
        double sum = 0;
        double sq = 0;
        long count = 0;
        for (int r : rows) {
          for (float v : x[r]) {
            sum += v;
            sq += (double) v * v;
          }
          count += n;
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max(0, sq / count - mean * mean));
        return new Normaliser(scaling, new float[] {(float) mean}, new float[] {(float) nonZero(std)});
      }
      case PER_FEATURE: {
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int j = 0; j < n; j++) {
          double sum = 0;
          double sq = 0;
          for (int r : rows) {
            sum += x[r][j];
            sq += (double) x[r][j] * x[r][j];
          }
          double m = sum / rows.length;
          mean[j] = (float) m;
          std[j] = (float) nonZero(Math.sqrt(Math.max(0, sq / rows.length - m * m)));
        }
        return new Normaliser(scaling, mean, std);
      }
      case MINMAX: {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int r : rows) {
          for (float v : x[r]) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
        return new Normaliser(scaling, new float[] {lo}, new float[] {(float) nonZero(hi - lo)});
      }
      default:
        throw new IllegalArgumentException("unknown scaling " + scaling);
    }
  }

  private static double nonZero(double s) {
    return s > 0 ? s : 1.0; // a constant input stays constant; dividing by 0 would make NaNs
  }

  /** Scales a batch [records, inputSize] in place and returns it. */
  public INDArray apply(INDArray batch) {
    if (offset.length == 1) return batch.subi(offset[0]).divi(scale[0]);
    return batch.subiRowVector(Nd4j.createFromArray(offset)).diviRowVector(Nd4j.createFromArray(scale));
  }

  /** Undoes {@link #apply} in place (reconstructions back to input units). */
  public INDArray invert(INDArray batch) {
    if (offset.length == 1) return batch.muli(scale[0]).addi(offset[0]);
    return batch.muliRowVector(Nd4j.createFromArray(scale)).addiRowVector(Nd4j.createFromArray(offset));
  }

  /**
   * Scales row-major records ({@code values.length / n} rows of n) in place; the same float
   * arithmetic as {@link #apply(INDArray)}: (x - offset) / scale.
   */
  public void apply(float[] values, int n) {
    apply(values, n, values.length / n);
  }

  /** {@link #apply(float[], int)} on the first {@code rows} records of {@code values} only. */
  public void apply(float[] values, int n, int rows) {
    if (offset.length == 1 && offset[0] == 0f && scale[0] == 1f) return; // (x - 0) / 1 == x
    for (int r = 0; r < rows; r++) {
      int o = r * n;
      if (offset.length == 1) {
        float off = offset[0];
        float sc = scale[0];
        for (int j = 0; j < n; j++) values[o + j] = (values[o + j] - off) / sc;
      } else {
        for (int j = 0; j < n; j++) values[o + j] = (values[o + j] - offset[j]) / scale[j];
      }
    }
  }

  /** Undoes {@link #apply(float[], int)} on one record in place. */
  public void invert(float[] record) {
    for (int j = 0; j < record.length; j++) {
      int k = offset.length == 1 ? 0 : j;
      record[j] = record[j] * scale[k] + offset[k];
    }
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  public static Normaliser fromJson(String json) {
    return GSON.fromJson(json, Normaliser.class);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normaliser n && n.scaling == scaling && Arrays.equals(n.offset, offset)
        && Arrays.equals(n.scale, scale);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * scaling.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale);
  }
}
