package org.moho.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.moho.models.autoencoder.ActivationKind;
import org.moho.models.autoencoder.Architecture;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.LearningRateSchedule;
import org.moho.models.autoencoder.NetworkFactory;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.autoencoder.UpdaterKind;
import org.moho.models.autoencoder.fast.DenseForwardPass;
import org.moho.models.autoencoder.fast.DenseLayout;
import org.moho.models.autoencoder.fast.DenseTrainingStep;
import org.moho.models.bundle.ModelBundle;

/**
 * The issue-#8 speed cases on the peers' data, one JSON line per (case, implementation), in the
 * peers' protocol: an untimed warm-up (here it also lets the JIT compile the loops), then
 * {@code --runs} timed runs, median reported.
 *
 * <p>A plain main class rather than JMH (which does resolve from the registry): each case is a
 * macro-benchmark of ~1 s or more per run whose protocol must match the Python peers', and the
 * driver script alternates it with the peers in one session, which JMH's forked runner does not
 * do; {@link Sgemm} covers the micro measurements (SGEMM peak for the shapes involved).
 *
 * <p>Usage: {@code java -cp ... org.moho.bench.SpeedBench DATA_DIR CASE [runs]} with CASE one of
 * train, score, workers, beam-direct, beam-direct-batched, beam-flink, beam-flink-batched, beam-flink-reuse, beam-flink-batched-reuse, sgemm, dl4j. Set OMP_NUM_THREADS=1.
 */
public final class SpeedBench {
  static final int EPOCHS = 5;
  static final int BATCH = 128;
  static final int SCORE_BATCH = 1024;

  private SpeedBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String which = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    switch (which) {
      case "train" -> train(data, runs);
      case "score" -> score(data, runs);
      case "workers" -> workers(data, runs);
      case "beam-direct" -> BeamScoring.run(data, runs, model(data), false, false, BeamScoring.Layout.RECORDS);
      case "beam-direct-batched" -> BeamScoring.run(data, runs, model(data), false, false, BeamScoring.Layout.BATCHES);
      case "beam-direct-fused" -> BeamScoring.run(data, runs, model(data), false, false, BeamScoring.Layout.FUSED);
      case "beam-flink" -> BeamScoring.run(data, runs, model(data), true, false, BeamScoring.Layout.RECORDS);
      case "beam-flink-batched" -> BeamScoring.run(data, runs, model(data), true, false, BeamScoring.Layout.BATCHES);
      case "beam-flink-fused" -> BeamScoring.run(data, runs, model(data), true, false, BeamScoring.Layout.FUSED);
      case "beam-flink-reuse" -> BeamScoring.run(data, runs, model(data), true, true, BeamScoring.Layout.RECORDS);
      case "beam-flink-batched-reuse" -> BeamScoring.run(data, runs, model(data), true, true, BeamScoring.Layout.BATCHES);
      case "raw-read-and-score" -> BeamScoring.rawLoop(data, runs, model(data));
      case "sgemm" -> Sgemm.run();
      case "dl4j" -> dl4j(data);
      default -> throw new IllegalArgumentException("unknown case " + which);
    }
    System.exit(0); // Flink and Beam leave non-daemon threads behind
  }

  /** Case A's network: 256-128-32-128-256, tanh, identity output, MSE, Adam 1e-3, batch 128, unscaled inputs. */
  static AutoencoderConfig caseA() {
    AutoencoderConfig c = AutoencoderConfig.dense(List.of(128, 32)).withTraining(EPOCHS, BATCH, 1e-3, 42)
        .withScaling(Scaling.NONE).withUpdater(UpdaterKind.ADAM, LearningRateSchedule.NONE, 0.5, 10);
    return c.withArchitecture(Architecture.DENSE, 0).withActivation(ActivationKind.TANH, -1, 1);
  }

  static float[] trainData(Path data) throws Exception {
    return PeerArrays.read(data.resolve("train_20000x256.f32"));
  }

  static float[] scoreData(Path data) throws Exception {
    return PeerArrays.read(data.resolve("score_200000x256.f32"));
  }

  /** Case A, two ways: the raw fast loop (what the PyTorch script times) and the whole Moho trainer. */
  static void train(Path data, int runs) throws Exception {
    float[] x = trainData(data);
    int n = x.length / PeerArrays.D;
    TrainingData td = TrainingData.of(PeerArrays.rows(x, PeerArrays.D));
    // warm-up: one epoch of each, on throw-away models
    fastLoop(x, 1, 123);
    new AutoencoderTrainer(caseA().withTraining(1, BATCH, 1e-3, 123)).train(td);

    Timer loop = new Timer();
    MultiLayerNetwork last = null;
    for (int r = 0; r < runs; r++) {
      loop.start();
      last = fastLoop(x, EPOCHS, 42);
      loop.stop();
    }
    loop.report(Json.line("A_ae_train", "moho-fast-loop").put("threads", threads()).put("N", n).put("epochs", EPOCHS)
        .put("batch", BATCH), n * EPOCHS).put("final_mse", fullMse(last, x)).print();

    Timer whole = new Timer();
    TrainedAutoencoder t = null;
    for (int r = 0; r < runs; r++) {
      whole.start();
      t = new AutoencoderTrainer(caseA()).train(td);
      whole.stop();
    }
    whole.report(Json.line("A_ae_train", "moho-trainer").put("threads", threads()).put("N", n).put("epochs", EPOCHS)
        .put("batch", BATCH), n * EPOCHS).put("final_mse", fullMse(t.network(), x))
        .put("fast_path", DenseLayout.of(t.network()).isPresent()).print();
  }

  /** The training loop alone, as the PyTorch script's train(): seeded shuffle per epoch, gather, step. */
  static MultiLayerNetwork fastLoop(float[] x, int epochs, long seed) {
    int d = PeerArrays.D;
    int n = x.length / d;
    MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.build(caseA().withTraining(epochs, BATCH, 1e-3, seed), d));
    net.init();
    DenseTrainingStep step = new DenseTrainingStep(net, DenseLayout.of(net).orElseThrow(), BATCH);
    float[] batch = new float[BATCH * d];
    int[] order = new int[n];
    Random rng = new Random(seed ^ 1000);
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < n; i++) order[i] = i;
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int s = 0; s < n; s += BATCH) {
        int b = Math.min(BATCH, n - s);
        for (int i = 0; i < b; i++) System.arraycopy(x, order[s + i] * d, batch, i * d, d);
        step.step(batch, batch, null, b);
      }
      net.incrementEpochCount();
    }
    step.flush();
    return net;
  }

  static double fullMse(MultiLayerNetwork net, float[] x) {
    int rows = x.length / PeerArrays.D;
    double[] mse = new double[rows];
    new DenseForwardPass(net, DenseLayout.forInference(net).orElseThrow()).reconstructionErrors(x, rows, mse, null, 0, null, null);
    double s = 0;
    for (double v : mse) s += v;
    return s / rows;
  }

  /** The case-A model trained once by the Moho trainer, written as a bundle (cached in DATA_DIR). */
  static Path model(Path data) throws Exception {
    Path dir = data.resolve("case-a-model");
    if (!Files.exists(dir.resolve(ModelBundle.INFO))) {
      TrainedAutoencoder t = new AutoencoderTrainer(caseA()).train(TrainingData.of(PeerArrays.rows(trainData(data), PeerArrays.D)));
      ModelBundle.write(dir, t);
    }
    return dir;
  }

  /** Case B: 200,000 records through one scorer, batch 1024. */
  static void score(Path data, int runs) throws Exception {
    float[] x = scoreData(data);
    int n = x.length / PeerArrays.D;
    ReconstructionErrorScorer scorer = ReconstructionErrorScorer.load(model(data));
    double[] mse = new double[n];
    // warm-up: two passes. After one, the first timed pass still ran at 0.53-0.62 s against
    // 0.40-0.44 s for the passes after it (C2 finishes the forward pass's loops during the second
    // pass on 2 cores); the peer warms up on 20,480 records, which its compiled kernels need no more
    scoreRange(scorer, x, 0, n, mse);
    scoreRange(scorer, x, 0, n, mse);
    Timer timer = new Timer();
    for (int r = 0; r < runs; r++) {
      timer.start();
      scoreRange(scorer, x, 0, n, mse);
      timer.stop();
    }
    double mean = 0;
    for (double v : mse) mean += v;
    timer.report(Json.line("B_ae_score", "moho-scorer").put("threads", threads()).put("N", n).put("batch", SCORE_BATCH), n)
        .put("mean_recon_mse", mean / n).put("fast_path", scorer.usesFastPath()).print();
  }

  static void scoreRange(ReconstructionErrorScorer scorer, float[] x, int from, int to, double[] mse) {
    int d = PeerArrays.D;
    for (int s = from; s < to; s += SCORE_BATCH) {
      int rows = Math.min(SCORE_BATCH, to - s);
      double[] m = scorer.score(x, s * d, rows, false, false).mse();
      System.arraycopy(m, 0, mse, s, rows);
    }
  }

  /** Case B with 1 and 2 workers (Java threads, a scorer each, OMP_NUM_THREADS=1): the raw loop Beam is compared with. */
  static void workers(Path data, int runs) throws Exception {
    float[] x = scoreData(data);
    int n = x.length / PeerArrays.D;
    Path model = model(data);
    double[] mse = new double[n];
    for (int w : new int[] {1, 2}) {
      ExecutorService pool = Executors.newFixedThreadPool(w);
      List<ReconstructionErrorScorer> scorers = new ArrayList<>();
      for (int i = 0; i < w; i++) scorers.add(ReconstructionErrorScorer.load(model));
      Timer timer = new Timer();
      for (int r = -2; r < runs; r++) { // runs -2 and -1 warm up, as in score()
        timer.start();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < w; i++) {
          int from = (int) ((long) n * i / w);
          int to = (int) ((long) n * (i + 1) / w);
          ReconstructionErrorScorer s = scorers.get(i);
          fs.add(pool.submit(() -> scoreRange(s, x, from, to, mse)));
        }
        for (Future<?> f : fs) f.get();
        timer.stop();
        if (r < 0) {
          timer.wall.clear();
          timer.cpu.clear();
        }
      }
      pool.shutdown();
      timer.report(Json.line("B_ae_score", "moho-scorer-workers").put("workers", w).put("threads_per_worker", threads())
          .put("N", n), n).print();
    }
  }

  /** Stock DL4J for reference (one timed run each: it is ~4x slower): fit through the trainer, net.output scoring. */
  static void dl4j(Path data) throws Exception {
    float[] x = trainData(data);
    int n = x.length / PeerArrays.D;
    TrainingData td = TrainingData.of(PeerArrays.rows(x, PeerArrays.D));
    new AutoencoderTrainer(caseA().withTraining(1, BATCH, 1e-3, 123), false).train(td);
    Timer train = new Timer();
    train.start();
    TrainedAutoencoder t = new AutoencoderTrainer(caseA(), false).train(td);
    train.stop();
    train.report(Json.line("A_ae_train", "moho-dl4j-trainer").put("threads", threads()), n * EPOCHS)
        .put("final_mse", fullMse(t.network(), x)).print();
    float[] xs = scoreData(data);
    ReconstructionErrorScorer scorer = new ReconstructionErrorScorer(ModelBundle.load(model(data)), false);
    double[] mse = new double[xs.length / PeerArrays.D];
    scoreRange(scorer, xs, 0, 20480, mse);
    Timer score = new Timer();
    score.start();
    scoreRange(scorer, xs, 0, mse.length, mse);
    score.stop();
    score.report(Json.line("B_ae_score", "moho-dl4j-scorer").put("threads", threads()), mse.length).print();
  }

  static String threads() {
    String t = System.getenv("OMP_NUM_THREADS");
    return t == null ? "unset" : t;
  }
}
