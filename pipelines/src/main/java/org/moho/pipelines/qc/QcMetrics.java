package org.moho.pipelines.qc;

import java.util.Arrays;
import java.util.List;

/**
 * Per-window quality metrics in the manner of IRIS MUSTANG's sample metrics, each a number that
 * does not depend on the station's gain or offset unless its name says so ({@code std}). The order
 * of {@link #NAMES} is the order of the values {@link #compute} returns and of the feature vector
 * {@code seismo.metrics} emits. n = window length, med = median, d = first differences,
 * r = second-difference residual {@code x[i] − (x[i−1] + x[i+1])/2}, σ(·) = 1.4826 × MAD.
 */
public final class QcMetrics {
  /** Metric names, in output order. */
  public static final List<String> NAMES = List.of(
      "zero_fraction",      // samples in runs of >= min_run exact zeros, / n
      "flat_fraction",      // samples in runs of >= min_run identical values, / n
      "longest_flat",       // longest run of identical values, / n
      "spike_count",        // local maxima of |r| above spike_k·σ(r)
      "spike_peak",         // max over i of (|r_i| − max(|r_{i−2}|, |r_{i+2}|)) / max(σ(r), local RMS of r within 2..16 samples)
      "clip_fraction",      // samples equal to the window's max or min beyond the first of each, / n
      "clip_run",           // longest run of samples at the window's max or min, / n
      "std",                // standard deviation (record units)
      "distinct_fraction",  // distinct values / n
      "rms_jump_halves",    // |log10(rms(d, first half) / rms(d, second half))|, rms of d about its mean
      "rms_jump_quarters",  // log10(max / min of rms(d) over the four quarters)
      "gain_step",          // two-sided step of log10 σ(d) over 16 blocks (see gainStep)
      "max_median_ratio",   // max |x − med| / median |x − med|
      "timing_jump");       // max over i of (min(|e_i|, |e_{i−1} + e_i|, |e_i + e_{i+1}|) − max(|e_{i−2}|, |e_{i+2}|)) / max(σ(e), local RMS of e), e = d − median(d)

  /** Ratios are capped here so that a constant window yields a large finite number, not ∞ or NaN. */
  public static final double CAP = 1e6;

  /** Shortest window the metrics are defined on (16 blocks of at least 4 differences). */
  public static final int MIN_LENGTH = 65;

  /** Blocks of the gain_step metric. */
  static final int BLOCKS = 16;

  private QcMetrics() {}

  /** How the metrics are computed: the shortest run counted as flat, the spike threshold. */
  public record Settings(int minRun, double spikeK) implements java.io.Serializable {}

  /** The metrics of {@code x}, in the order of {@link #NAMES}; x must be finite and of length ≥ {@link #MIN_LENGTH}. */
  public static double[] compute(double[] x, Settings s) {
    int n = x.length;
    if (n < MIN_LENGTH) throw new IllegalArgumentException("window of " + n + " samples is under " + MIN_LENGTH);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) throw new IllegalArgumentException("sample " + i + " is " + x[i]);
    }
    double[] runs = runs(x, s.minRun());
    double[] spikes = spikes(x, s.spikeK());
    double[] clip = clipping(x);
    double med = Robust.median(x);
    double[] absDev = new double[n];
    for (int i = 0; i < n; i++) absDev[i] = Math.abs(x[i] - med);
    double maxDev = Arrays.stream(absDev).max().orElse(0);
    // the amplitude metrics work on first differences: a high-pass that ignores offsets and the
    // drifts of raw broadband counts, which would otherwise dominate every window's RMS
    double[] d = new double[n - 1];
    for (int i = 0; i < n - 1; i++) d[i] = x[i + 1] - x[i];
    int m = d.length;
    return new double[] {
        runs[0], runs[1], runs[2], spikes[0], spikes[1], clip[0], clip[1],
        std(x, 0, n), distinct(x) / (double) n,
        Math.abs(log10Ratio(std(d, 0, m / 2), std(d, m / 2, m))),
        quarterJump(d),
        gainStep(d),
        ratio(maxDev, Robust.median(absDev)),
        timingJump(d)};
  }

  /** zero_fraction, flat_fraction, longest_flat. */
  private static double[] runs(double[] x, int minRun) {
    int n = x.length;
    int zeros = 0;
    int flat = 0;
    int longest = 1;
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i < n && x[i] == x[start]) continue;
      int len = i - start;
      longest = Math.max(longest, len);
      if (len >= minRun) {
        flat += len;
        if (x[start] == 0) zeros += len;
      }
      start = i;
    }
    return new double[] {zeros / (double) n, flat / (double) n, longest / (double) n};
  }

  /**
   * spike_count, spike_peak from the second-difference residual r. A one-sample spike of height
   * H gives r = H at the spike, −H/2 beside it and nothing two samples away; the impulsive onset
   * of a real arrival gives large r over many samples. So a sample's spike height is |r_i| less
   * the larger |r| two samples either side: an isolated outlier keeps its height, an oscillation
   * does not. Heights are counted against the larger of σ(r) and the RMS of r around the sample
   * ({@link #localRms}), so the peaks of an earthquake hundreds of times louder than the noise
   * before it are not spikes.
   */
  private static double[] spikes(double[] x, double k) {
    int n = x.length;
    double[] r = new double[n - 2];
    for (int i = 1; i < n - 1; i++) r[i - 1] = x[i] - 0.5 * (x[i - 1] + x[i + 1]);
    double sigma = sigma(r);
    double peak = 0;
    int count = 0;
    double[] squares = cumulativeSquares(r);
    for (int j = 0; j < r.length; j++) {
      double around = around(r, j);
      double a = Math.max(0, Math.abs(r[j]) - around) * againstBackground(sigma, localRms(squares, j));
      peak = Math.max(peak, a);
      // the samples beside a spike keep half its height: count only the local maximum of |r|
      boolean localMax = (j == 0 || Math.abs(r[j]) >= Math.abs(r[j - 1])) && (j == r.length - 1 || Math.abs(r[j]) > Math.abs(r[j + 1]));
      if (localMax && a > k * sigma && a > 0) count++;
    }
    return new double[] {count, ratio(peak, sigma)};
  }

  /** clip_fraction, clip_run: repeats of the extreme values (a clipped trace sits on them). */
  private static double[] clipping(double[] x) {
    int n = x.length;
    double max = Arrays.stream(x).max().orElse(0);
    double min = Arrays.stream(x).min().orElse(0);
    if (max == min) return new double[] {0, 0}; // a constant window is dead, not clipped
    int atMax = 0;
    int atMin = 0;
    int run = 0;
    int longest = 0;
    for (double v : x) {
      boolean extreme = v == max || v == min;
      if (v == max) atMax++;
      if (v == min) atMin++;
      run = extreme ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return new double[] {(atMax - 1 + atMin - 1) / (double) n, longest / (double) n};
  }

  /** Population standard deviation of x[from, to). */
  private static double std(double[] x, int from, int to) {
    double mean = 0;
    for (int i = from; i < to; i++) mean += x[i];
    mean /= to - from;
    double ss = 0;
    for (int i = from; i < to; i++) ss += (x[i] - mean) * (x[i] - mean);
    return Math.sqrt(ss / (to - from));
  }

  private static int distinct(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int d = 1;
    for (int i = 1; i < s.length; i++) if (s[i] != s[i - 1]) d++;
    return d;
  }

  private static double quarterJump(double[] d) {
    int m = d.length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int q = 0; q < 4; q++) {
      double r = std(d, q * m / 4, (q + 1) * m / 4);
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
    return log10Ratio(hi, lo);
  }

  /**
   * A gain error scales a stretch: the robust scale of the differences steps up at one end of it
   * and down at the other (or down then up). With σ(d) in 16 blocks and l_j the log10 step
   * across block j+1 (skipping the block that straddles a step), this is the largest
   * min(|l_j|, |l_k|) over j < k with l_j and l_k of opposite sign (l_j here compares the
   * geometric means of up to three blocks either side, see the code). An earthquake rises
   * abruptly but decays slowly, so it scores far less than a plateau; a spike does not move a
   * block's MAD.
   */
  private static double gainStep(double[] d) {
    int m = d.length;
    double[] s = new double[BLOCKS];
    for (int j = 0; j < BLOCKS; j++) {
      double sigma = Robust.madSigma(Arrays.copyOfRange(d, j * m / BLOCKS, (j + 1) * m / BLOCKS));
      if (sigma == 0) sigma = std(d, j * m / BLOCKS, (j + 1) * m / BLOCKS);
      s[j] = sigma;
    }
    // l[j]: the step from the (up to) three blocks before block j+1 to the three after it, in
    // log10 of their geometric means; the straddling block j+1 is left out
    double[] l = new double[BLOCKS - 2];
    for (int j = 0; j < l.length; j++) {
      l[j] = log10Ratio(geometricMean(s, j + 2, Math.min(BLOCKS, j + 5)), geometricMean(s, Math.max(0, j - 2), j + 1));
    }
    double best = 0;
    for (int j = 0; j < l.length; j++) {
      for (int k = j + 1; k < l.length; k++) {
        if (Math.signum(l[j]) * Math.signum(l[k]) < 0) best = Math.max(best, Math.min(Math.abs(l[j]), Math.abs(l[k])));
      }
    }
    return best;
  }

  private static double geometricMean(double[] s, int from, int to) {
    double logSum = 0;
    for (int i = from; i < to; i++) {
      if (s[i] == 0) return 0;
      logSum += Math.log(s[i]);
    }
    return Math.exp(logSum / (to - from));
  }

  private static double timingJump(double[] d) {
    // relative to the median difference, so that a steady drift is not a jump
    double med = Robust.median(d);
    double[] e = new double[d.length];
    for (int i = 0; i < d.length; i++) e[i] = d[i] - med;
    double best = 0;
    double sigmaE = sigma(e);
    double[] squares = cumulativeSquares(e);
    for (int i = 0; i < e.length; i++) {
      // a step stays a step over two differences; a one-sample spike is undone by the next one
      double step = Math.abs(e[i]);
      if (i > 0) step = Math.min(step, Math.abs(e[i - 1] + e[i]));
      if (i < e.length - 1) step = Math.min(step, Math.abs(e[i] + e[i + 1]));
      // a discontinuity is one step between ordinary differences; a real arrival moves fast for
      // many samples, so the larger |e| two samples either side is taken off
      double around = around(e, i);
      best = Math.max(best, (step - around) * againstBackground(sigmaE, localRms(squares, i)));
    }
    return ratio(best, sigma(e));
  }

  /** Half-width, in samples, of the neighbourhood whose RMS is a spike's or a step's local background. */
  static final int NEIGHBOURHOOD = 16;

  /**
   * The larger |v| two samples either side of i: what is left of a one-sample outlier's
   * neighbours once the samples right beside it (which a spike or a step also moves) are skipped.
   */
  private static double around(double[] v, int i) {
    return Math.max(i >= 2 ? Math.abs(v[i - 2]) : 0, i + 2 < v.length ? Math.abs(v[i + 2]) : 0);
  }

  /** c[k] = v[0]² + … + v[k−1]², so that any run's sum of squares is one difference. */
  private static double[] cumulativeSquares(double[] v) {
    double[] c = new double[v.length + 1];
    for (int i = 0; i < v.length; i++) c[i + 1] = c[i] + v[i] * v[i];
    return c;
  }

  /**
   * The RMS of v from 2 to {@link #NEIGHBOURHOOD} samples either side of i (the samples beside i
   * left out, as in {@link #around}), from v's {@link #cumulativeSquares}: the local background a
   * spike or step is measured against. A window's global σ is that of its quiet part, so inside an
   * earthquake, whose amplitude is hundreds of times the noise before it, every peak was hundreds
   * of σ; against the signal around it a peak of the earthquake is ordinary, while a spike or a
   * step in noise is still as tall.
   */
  private static double localRms(double[] squares, int i) {
    int n = squares.length - 1;
    int beforeFrom = Math.max(0, i - NEIGHBOURHOOD);
    int beforeTo = Math.max(0, i - 1);
    int afterFrom = Math.min(n, i + 2);
    int afterTo = Math.min(n, i + NEIGHBOURHOOD + 1);
    int count = (beforeTo - beforeFrom) + (afterTo - afterFrom);
    if (count == 0) return 0;
    // differences of a running sum can come out a rounding error below zero
    double sum = Math.max(0, squares[beforeTo] - squares[beforeFrom] + squares[afterTo] - squares[afterFrom]);
    return Math.sqrt(sum / count);
  }

  /**
   * The factor that puts a height measured in units of the window's σ into units of the larger of
   * σ and the local background: 1 where the surroundings are as quiet as the window's typical
   * samples, less inside strong signal.
   */
  private static double againstBackground(double sigma, double local) {
    return local > sigma ? sigma / local : 1;
  }

  /** 1.4826·MAD, or the standard deviation when more than half the values are equal (MAD = 0). */
  private static double sigma(double[] v) {
    double s = Robust.madSigma(v);
    return s > 0 ? s : std(v, 0, v.length);
  }

  /** a / b, with 0/0 = 0 and anything else over 0 = {@link #CAP}. */
  static double ratio(double a, double b) {
    if (b > 0) return Math.min(CAP, a / b);
    return a == 0 ? 0 : CAP;
  }

  /** log10(a / b) with the same conventions, so between −6 and 6. */
  private static double log10Ratio(double a, double b) {
    if (a == 0 && b == 0) return 0;
    if (b == 0) return Math.log10(CAP);
    if (a == 0) return -Math.log10(CAP);
    return Math.max(-Math.log10(CAP), Math.min(Math.log10(CAP), Math.log10(a / b)));
  }
}
