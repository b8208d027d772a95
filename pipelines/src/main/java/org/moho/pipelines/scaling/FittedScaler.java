package org.moho.pipelines.scaling;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A per-feature normaliser fitted on training data and re-applied, unchanged, at scoring time:
 * {@code standard} maps x to (x - mean) / std (population std; a constant feature, std 0, is only
 * centred), {@code minmax} maps x to (x - min) / (max - min) (a constant feature maps to 0). It
 * records the {@link FeatureLayout} it was fitted on and the number of training records, and
 * refuses vectors of any other layout.
 *
 * <p>Fitting uses {@link Moments}, which merge exactly (Chan et al. 1979), so a distributed
 * fit gives the same numbers as a sequential one up to rounding. No DL4J here: models code can
 * use it on plain arrays.
 */
public final class FittedScaler implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The artifact's format tag, checked when reading. */
  public static final String FORMAT = "moho.fitted-scaler/1";

  /** How features are scaled. */
  public enum Method {
    STANDARD,
    MINMAX
  }

  private final Method method;
  private final FeatureLayout layout;
  private final long records;
  private final double[] mean;
  private final double[] std;
  private final double[] min;
  private final double[] max;

  private FittedScaler(Method method, FeatureLayout layout, long records, double[] mean, double[] std, double[] min, double[] max) {
    this.method = method;
    this.layout = layout;
    this.records = records;
    this.mean = mean;
    this.std = std;
    this.min = min;
    this.max = max;
  }

  /** Fits on every vector of {@code data}, all of {@code layout}. */
  public static FittedScaler fit(Method method, FeatureLayout layout, Iterable<float[]> data) {
    Moments m = new Moments(layout);
    for (float[] x : data) m.add(layout, x);
    return m.toScaler(method);
  }

  /**
   * Running per-feature count, mean, sum of squared deviations, min and max; mergeable, so it is
   * the accumulator of a Beam Combine.
   */
  public static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;
    private FeatureLayout layout;
    private long n;
    private double[] mean;
    private double[] m2;
    private double[] min;
    private double[] max;

    public Moments(FeatureLayout layout) {
      this.layout = layout;
      if (layout != null) allocate(layout.length());
    }

    private void allocate(int len) {
      mean = new double[len];
      m2 = new double[len];
      min = new double[len];
      max = new double[len];
      java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    public long count() {
      return n;
    }

    public FeatureLayout layout() {
      return layout;
    }

    private void adopt(FeatureLayout other) {
      if (layout == null) {
        layout = other;
        allocate(other.length());
      } else if (!layout.equals(other)) {
        throw new IllegalArgumentException("training records have two feature layouts: " + layout.describe()
            + " and " + other.describe());
      }
    }

    /** Welford's update with one vector. */
    public Moments add(FeatureLayout l, float[] x) {
      adopt(l);
      n++;
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - mean[i];
        mean[i] += d / n;
        m2[i] += d * (x[i] - mean[i]);
        min[i] = Math.min(min[i], x[i]);
        max[i] = Math.max(max[i], x[i]);
      }
      return this;
    }

    /** Chan et al.'s pairwise merge. */
    public Moments merge(Moments o) {
      if (o.n == 0) return this;
      adopt(o.layout);
      if (n == 0) {
        n = o.n;
        mean = o.mean.clone();
        m2 = o.m2.clone();
        min = o.min.clone();
        max = o.max.clone();
        return this;
      }
      long total = n + o.n;
      for (int i = 0; i < mean.length; i++) {
        double d = o.mean[i] - mean[i];
        mean[i] += d * o.n / total;
        m2[i] += o.m2[i] + d * d * n * o.n / total;
        min[i] = Math.min(min[i], o.min[i]);
        max[i] = Math.max(max[i], o.max[i]);
      }
      n = total;
      return this;
    }

    public FittedScaler toScaler(Method method) {
      if (n == 0) throw new IllegalStateException("no training records: nothing to fit");
      double[] std = new double[mean.length];
      for (int i = 0; i < std.length; i++) std[i] = Math.sqrt(m2[i] / n);
      return new FittedScaler(method, layout, n, mean.clone(), std, min.clone(), max.clone());
    }
  }

  public Method method() {
    return method;
  }

  public FeatureLayout layout() {
    return layout;
  }

  public long records() {
    return records;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] std() {
    return std.clone();
  }

  public double[] min() {
    return min.clone();
  }

  public double[] max() {
    return max.clone();
  }

  /**
   * Throws IllegalArgumentException naming {@code artifact} and both layouts when {@code other}
   * is not the layout this scaler was fitted on.
   */
  public void requireLayout(FeatureLayout other, String artifact) {
    if (!layout.equals(other)) {
      throw new IllegalArgumentException("scaler " + artifact + " was fitted on " + layout.describe()
          + " but is applied to " + other.describe() + "; refit it on features of this layout");
    }
  }

  /** The scaled copy of {@code x} (whose layout the caller has checked). */
  public float[] apply(float[] x) {
    if (x.length != layout.length()) {
      throw new IllegalArgumentException("vector of " + x.length + " values for a scaler of " + layout.length());
    }
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = method == Method.STANDARD
          ? (x[i] - mean[i]) / (std[i] > 0 ? std[i] : 1.0)
          : (max[i] > min[i] ? (x[i] - min[i]) / (max[i] - min[i]) : 0.0);
      out[i] = (float) v;
    }
    return out;
  }

  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("method", method.name().toLowerCase(Locale.ROOT));
    JsonObject l = new JsonObject();
    l.addProperty("kind", layout.kind());
    l.addProperty("length", layout.length());
    JsonArray names = new JsonArray();
    layout.names().forEach(names::add);
    l.add("names", names);
    l.addProperty("fingerprint", layout.fingerprint());
    o.add("layout", l);
    o.addProperty("records", records);
    o.add("mean", array(mean));
    o.add("std", array(std));
    o.add("min", array(min));
    o.add("max", array(max));
    Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    return gson.toJson(o) + "\n";
  }

  private static JsonArray array(double[] v) {
    JsonArray a = new JsonArray();
    for (double d : v) a.add(d);
    return a;
  }

  /** Reads {@link #toJson}'s output; IllegalArgumentException with the reason when it is not one. */
  public static FittedScaler fromJson(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      String format = o.has("format") ? o.get("format").getAsString() : "(none)";
      if (!FORMAT.equals(format)) throw new IllegalArgumentException("format is " + format + ", expected " + FORMAT);
      JsonObject l = o.getAsJsonObject("layout");
      List<String> names = new ArrayList<>();
      l.getAsJsonArray("names").forEach(e -> names.add(e.getAsString()));
      FeatureLayout layout = new FeatureLayout(l.get("kind").getAsString(), l.get("length").getAsInt(), names);
      if (l.has("fingerprint") && !l.get("fingerprint").getAsString().equals(layout.fingerprint())) {
        throw new IllegalArgumentException("layout fingerprint " + l.get("fingerprint").getAsString()
            + " does not match its layout (" + layout.fingerprint() + "): the file was edited");
      }
      Method method = Method.valueOf(o.get("method").getAsString().toUpperCase(Locale.ROOT));
      double[][] v = new double[4][];
      String[] keys = {"mean", "std", "min", "max"};
      for (int k = 0; k < 4; k++) {
        JsonArray a = o.getAsJsonArray(keys[k]);
        if (a.size() != layout.length()) throw new IllegalArgumentException(keys[k] + " has " + a.size() + " values for " + layout.length() + " features");
        v[k] = new double[a.size()];
        for (int i = 0; i < a.size(); i++) v[k][i] = a.get(i).getAsDouble();
      }
      return new FittedScaler(method, layout, o.get("records").getAsLong(), v[0], v[1], v[2], v[3]);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) throw e;
      throw new IllegalArgumentException("not a fitted scaler: " + e.getMessage(), e);
    }
  }
}
