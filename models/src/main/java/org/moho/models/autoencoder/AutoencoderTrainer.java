package org.moho.models.autoencoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.moho.models.autoencoder.fast.DenseForwardPass;
import org.moho.models.autoencoder.fast.DenseLayout;
import org.moho.models.autoencoder.fast.DenseTrainingStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an autoencoder: config in, {@link TrainedAutoencoder} out (the method of Valentine &amp;
 * Trampert 2012, GJI, and Valentine, Kalnins &amp; Trampert 2013, GRL: a network trained to
 * reproduce its input through a narrow code, whose reconstruction error flags what it has not
 * learned to represent).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Whole batches go to DL4J as one INDArray each (shared/bench/DL4J-PERFORMANCE.md).
 *   <li>Repeatable: the same config on the same records in the same order gives bitwise-equal
 *       weights. Weight initialisation uses the config seed (DL4J seeds its initialiser from
 *       it); the validation split uses {@code Random(seed)}; each epoch's shuffle uses
 *       {@code Random(mix(seed, epoch))} and its denoising noise ND4J's generator reseeded with
 *       {@code mix(seed, epoch)}. Multithreaded BLAS: OpenBLAS's SGEMM partitions the output
 *       matrix, so each element is summed by one thread in a fixed order; a thread count that
 *       changes how reductions are split could change the last bits, thread timing should not.
 *       We did not read libnd4j's reduction code; we measured instead: a 256-256-128-32 net, batch
 *       120, 3 epochs on CRLZ windows gave bitwise-equal weights with OMP_NUM_THREADS=1 and =2,
 *       twice each. Moho's tests run with OMP_NUM_THREADS=1 (faster on 2 vCPUs, see
 *       shared/bench/DL4J-PERFORMANCE.md); bitwise equality across CPU kernels (avx2 vs avx512)
 *       or BLAS builds is not promised. {@code AutoencoderTrainerTest} checks repeatability.
 *   <li>Resumable: with a checkpoint folder, every epoch ends with a checkpoint
 *       ({@link Checkpoints}); {@code resume} continues from the last one and ends with the same
 *       weights as an uninterrupted run, because the network, Adam's moments, DL4J's iteration
 *       and epoch counters (which drive bias correction and the schedule), the best weights and
 *       early-stopping counters are all restored and every random stream is a function of
 *       (seed, epoch).
 *   <li>The normaliser is fit on the training split only; validation records never reach the
 *       gradient.
 *   <li>Dense networks train on a fast path ({@link DenseTrainingStep}: direct SGEMM, fused
 *       activations, Adam in Java arrays) that does what {@code net.fit} does on the network's
 *       own parameters and updater state, ~4x faster here (BENCHMARKS.md, "Speed"); results equal
 *       DL4J's up to float rounding ({@code FastPathEqualsDl4jTest}), not bitwise, so a run is
 *       repeatable on one path, and a run resumed from a checkpoint continues on the same path.
 *       Everything else (checkpoints, bundles, the network object) is plain DL4J.
 * </ul>
 */
public final class AutoencoderTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderTrainer.class);
  /** Validation and error batches; large batches are cheaper per record in DL4J. */
  private static final int EVAL_BATCH = 1024;

  private final AutoencoderConfig config;
  private final boolean fastPath;

  public AutoencoderTrainer(AutoencoderConfig config) {
    this(config, true);
  }

  /** @param fastPath false to train through DL4J's {@code fit} even when the fast path supports the network */
  public AutoencoderTrainer(AutoencoderConfig config, boolean fastPath) {
    this.config = config;
    this.fastPath = fastPath;
  }

  public TrainedAutoencoder train(TrainingData data) {
    return train(data, EpochListener.NONE);
  }

  public TrainedAutoencoder train(TrainingData data, EpochListener listener) {
    AutoencoderConfig c = config;
    int n = data.inputSize();
    String fingerprint = data.fingerprint();
    Split split = split(data.rows(), c.validationFraction(), c.seed());
    Normaliser normaliser = Normaliser.fit(c.scaling(), data.values(), split.train);
    float[] wTrain = data.weights() == null ? null : pick(data.weights(), split.train);

    Checkpoints checkpoints = c.checkpointDir() == null ? null : new Checkpoints(c.checkpointDir());
    MultiLayerNetwork net;
    INDArray best = null;
    Checkpoints.State state;
    Optional<Checkpoints.Loaded> resumed = c.resume() ? latest(checkpoints) : Optional.empty();
    if (resumed.isPresent()) {
      Checkpoints.Loaded l = resumed.get();
      if (!l.state().dataFingerprint().equals(fingerprint)) {
        throw new IllegalStateException("cannot resume from " + c.checkpointDir() + ": it was trained on other data"
            + " (fingerprint " + l.state().dataFingerprint() + ", these records have " + fingerprint + ")");
      }
      net = l.network();
      best = l.best();
      state = l.state();
      LOG.info("resuming from {} after epoch {}", c.checkpointDir(), state.epochsDone());
    } else {
      net = new MultiLayerNetwork(NetworkFactory.build(c, n, wTrain != null));
      net.init();
      state = new Checkpoints.State(0, Double.NaN, -1, 0, false, fingerprint, List.of());
    }

    DenseTrainingStep fast = null;
    if (fastPath) {
      MultiLayerNetwork trained = net;
      fast = DenseLayout.of(net).map(l -> new DenseTrainingStep(trained, l, c.batchSize())).orElse(null);
      if (fast == null) LOG.debug("training through DL4J: {}", DenseLayout.unsupported(net));
    }
    // The fast path trains and evaluates on flat Java arrays, scaled by the same float arithmetic
    // as the INDArray normaliser; going through an INDArray and back cost as much as a third of
    // the epochs of the peers' case A (ND4J fills and reads a heap array element by element).
    float[] xTrainFlat = null;
    float[] xValidFlat = null;
    INDArray xTrain = null;
    INDArray xValid = null;
    if (fast != null) {
      xTrainFlat = flat(data.values(), split.train, n);
      normaliser.apply(xTrainFlat, n);
      if (split.valid.length > 0) {
        xValidFlat = flat(data.values(), split.valid, n);
        normaliser.apply(xValidFlat, n);
      }
    } else {
      xTrain = normaliser.apply(rows(data.values(), split.train, n));
      xValid = split.valid.length == 0 ? null : normaliser.apply(rows(data.values(), split.valid, n));
    }
    List<EpochMetrics> metrics = new ArrayList<>(state.metrics());
    double bestLoss = state.bestLoss();
    int bestEpoch = state.bestEpoch();
    int sinceBest = state.sinceBest();
    boolean stopped = state.stopped();
    int batches = (split.train.length + c.batchSize() - 1) / c.batchSize();
    try (ProgressBar bar = c.progress() ? progressBar(batches, state.epochsDone()) : null) {
      for (int epoch = state.epochsDone(); epoch < c.epochs() && !stopped; epoch++) {
        long t0 = System.nanoTime();
        double trainLoss = fast == null ? runEpoch(net, xTrain, wTrain, epoch, bar)
            : runEpoch(fast, xTrainFlat, n, wTrain, epoch, bar);
        if (fast != null) fast.flush();
        net.incrementEpochCount();
        double validLoss = split.valid.length == 0 ? Double.NaN
            : fast != null ? mean(perRecordMse(net, xValidFlat)) : meanMse(net, xValid);
        EpochMetrics m = new EpochMetrics(epoch, trainLoss, validLoss, learningRate(c, epoch),
            (System.nanoTime() - t0) / 1_000_000);
        metrics.add(m);
        if (split.valid.length > 0) {
          if (bestEpoch < 0 || validLoss < bestLoss) {
            bestLoss = validLoss;
            bestEpoch = epoch;
            sinceBest = 0;
            best = net.params().dup();
          } else {
            sinceBest++;
            stopped = c.patience() > 0 && sinceBest >= c.patience();
          }
        }
        LOG.info("epoch {}/{}: loss {} validation {} lr {} ({} ms)", epoch + 1, c.epochs(), trainLoss, validLoss,
            m.learningRate(), m.millis());
        if (checkpoints != null) {
          write(checkpoints, net, best, new Checkpoints.State(epoch + 1, bestLoss, bestEpoch, sinceBest, stopped,
              fingerprint, metrics));
        }
        listener.afterEpoch(m);
      }
    }
    if (best != null) net.setParams(best);
    else bestEpoch = metrics.size() - 1;
    double[] percentiles = percentiles(fast != null ? perRecordMse(net, xTrainFlat) : perRecordMse(net, xTrain));
    return new TrainedAutoencoder(net, c, normaliser, n, fingerprint, split.train.length, split.valid.length,
        List.copyOf(metrics), bestEpoch, stopped && metrics.size() < c.epochs(), percentiles);
  }

  /** One pass over the training split in a shuffled order; returns the mean batch objective. */
  private double runEpoch(MultiLayerNetwork net, INDArray xTrain, float[] weights, int epoch, ProgressBar bar) {
    AutoencoderConfig c = config;
    int rows = (int) xTrain.rows();
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) order[i] = i;
    shuffle(order, new Random(mix(c.seed(), epoch)));
    if (c.noiseStd() > 0) Nd4j.getRandom().setSeed(mix(c.seed(), epoch) ^ 0x5DEECE66DL);
    double sum = 0;
    for (int start = 0; start < rows; start += c.batchSize()) {
      int[] idx = Arrays.copyOfRange(order, start, Math.min(rows, start + c.batchSize()));
      INDArray target = Nd4j.pullRows(xTrain, 1, idx);
      INDArray input = c.noiseStd() > 0
          ? target.add(Nd4j.randn(DataType.FLOAT, idx.length, target.columns()).muli(c.noiseStd()))
          : target;
      INDArray labels = weights == null ? target
          : Nd4j.hstack(target, Nd4j.createFromArray(pick(weights, idx)).reshape(idx.length, 1));
      net.fit(input, labels);
      sum += net.score() * idx.length;
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(String.format(" epoch %d/%d loss %.5g", epoch + 1, c.epochs(), net.score()));
      }
    }
    return sum / rows;
  }

  /**
   * The same epoch on the fast path: the same shuffle, the same noise (drawn from ND4J's generator
   * exactly as the DL4J path draws it) and the same batches.
   */
  private double runEpoch(DenseTrainingStep step, float[] x, int n, float[] weights, int epoch, ProgressBar bar) {
    AutoencoderConfig c = config;
    int rows = x.length / n;
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) order[i] = i;
    shuffle(order, new Random(mix(c.seed(), epoch)));
    if (c.noiseStd() > 0) Nd4j.getRandom().setSeed(mix(c.seed(), epoch) ^ 0x5DEECE66DL);
    float[] target = new float[c.batchSize() * n];
    float[] input = c.noiseStd() > 0 ? new float[target.length] : target;
    float[] w = weights == null ? null : new float[c.batchSize()];
    float std = (float) c.noiseStd();
    double sum = 0;
    for (int start = 0; start < rows; start += c.batchSize()) {
      int b = Math.min(rows, start + c.batchSize()) - start;
      for (int i = 0; i < b; i++) System.arraycopy(x, order[start + i] * n, target, i * n, n);
      if (c.noiseStd() > 0) {
        float[] noise = Nd4j.randn(DataType.FLOAT, b, n).muli(c.noiseStd()).data().asFloat();
        for (int i = 0; i < b * n; i++) input[i] = target[i] + noise[i];
      }
      if (w != null) for (int i = 0; i < b; i++) w[i] = weights[order[start + i]];
      double loss = step.step(input, target, w, b);
      sum += loss * b;
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(String.format(" epoch %d/%d loss %.5g", epoch + 1, c.epochs(), loss));
      }
    }
    return sum / rows;
  }

  private static double mean(double[] values) {
    double s = 0;
    for (double v : values) s += v;
    return s / values.length;
  }

  /** Per-record MSE of scaled row-major records {@code x} through the fast forward pass ({@code x} is not modified). */
  static double[] perRecordMse(MultiLayerNetwork net, float[] x) {
    DenseLayout layout = DenseLayout.forInference(net).orElseThrow();
    double[] out = new double[x.length / layout.inputSize()];
    new DenseForwardPass(net, layout).reconstructionErrors(x, out.length, out, null, 0, null, null);
    return out;
  }

  /** Mean over records of the per-record MSE (clean inputs, no weights, no penalty). */
  static double meanMse(MultiLayerNetwork net, INDArray x) {
    double[] e = perRecordMse(net, x);
    double s = 0;
    for (double v : e) s += v;
    return s / e.length;
  }

  static double[] perRecordMse(MultiLayerNetwork net, INDArray x) {
    int rows = (int) x.rows();
    double[] out = new double[rows];
    for (int start = 0; start < rows; start += EVAL_BATCH) {
      int end = Math.min(rows, start + EVAL_BATCH);
      INDArray batch = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
          org.nd4j.linalg.indexing.NDArrayIndex.all());
      INDArray diff = net.output(batch, false).subi(batch);
      double[] mse = diff.muli(diff).mean(1).toDoubleVector();
      System.arraycopy(mse, 0, out, start, mse.length);
    }
    return out;
  }

  /** Values at percentiles 0, 0.1 ... 100 (linear interpolation between order statistics). */
  static double[] percentiles(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] p = new double[1001];
    for (int i = 0; i <= 1000; i++) {
      double pos = i / 1000.0 * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(sorted.length - 1, lo + 1);
      p[i] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
    return p;
  }

  static double learningRate(AutoencoderConfig c, int epoch) {
    return switch (c.schedule()) {
      case NONE -> c.learningRate();
      case STEP -> c.learningRate() * Math.pow(c.decay(), Math.floor((double) epoch / c.stepEpochs()));
      case EXPONENTIAL -> c.learningRate() * Math.pow(c.decay(), epoch);
    };
  }

  private record Split(int[] train, int[] valid) {}

  /** A seeded split: a shuffled copy of 0..rows-1, the first share held out, both sorted. */
  private static Split split(int rows, double fraction, long seed) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) all[i] = i;
    int nValid = (int) Math.round(rows * fraction);
    if (nValid == 0) return new Split(all, new int[0]);
    if (nValid >= rows) throw new IllegalArgumentException("validation fraction " + fraction + " leaves no training records of " + rows);
    shuffle(all, new Random(seed));
    int[] valid = Arrays.copyOf(all, nValid);
    int[] train = Arrays.copyOfRange(all, nValid, rows);
    Arrays.sort(valid);
    Arrays.sort(train);
    return new Split(train, valid);
  }

  private static void shuffle(int[] a, Random rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A per-epoch seed: SplitMix64's finaliser over seed and epoch, so nearby seeds differ. */
  static long mix(long seed, int epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static INDArray rows(float[][] values, int[] idx, int n) {
    return Nd4j.create(flat(values, idx, n), new long[] {idx.length, n}, 'c');
  }

  /** The rows {@code idx} of {@code values}, row-major in one array. */
  private static float[] flat(float[][] values, int[] idx, int n) {
    float[] flat = new float[idx.length * n];
    for (int i = 0; i < idx.length; i++) System.arraycopy(values[idx[i]], 0, flat, i * n, n);
    return flat;
  }

  private static float[] pick(float[] w, int[] idx) {
    float[] out = new float[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = w[idx[i]];
    return out;
  }

  private ProgressBar progressBar(int batchesPerEpoch, int epochsDone) {
    return new ProgressBarBuilder()
        .setTaskName("train")
        .setInitialMax((long) batchesPerEpoch * config.epochs())
        .startsFrom((long) batchesPerEpoch * epochsDone, java.time.Duration.ZERO)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" batches", 1)
        .build();
  }

  private static Optional<Checkpoints.Loaded> latest(Checkpoints checkpoints) {
    try {
      return checkpoints.latest();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint: " + e.getMessage(), e);
    }
  }

  private static void write(Checkpoints checkpoints, MultiLayerNetwork net, INDArray best, Checkpoints.State s) {
    try {
      checkpoints.write(net, best, s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint: " + e.getMessage(), e);
    }
  }
}
