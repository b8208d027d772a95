package org.moho.models.mlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Fits the N members of an {@link EnsembleGraph}-based graph together, with per-member early
 * stopping: each member is shuffled by its own seeded RNG, its validation loss is read every
 * epoch, and its weights are kept from its best epoch. Training stops when no member has improved
 * for {@code patience} epochs, or at {@code maxEpochs}. The learning rate decays exponentially
 * from {@code learningRate} to {@code learningRate * finalLearningRateFraction} at maxEpochs.
 */
public final class EnsembleTrainer {
  /** What is being fitted: a graph with a scalar {@code loss} and a per-member {@code member_loss [N]}. */
  public interface Problem {
    SameDiff graph();

    /** Placeholder names fed as features and labels of a training step, in order. */
    List<String> featureNames();

    List<String> labelNames();

    int trainRows();

    /** The arrays of one step; {@code memberRows[n]} are the training-row indices of member n. */
    INDArray[][] batch(int[][] memberRows);

    /** Placeholders for the validation rows (all members see the same rows). */
    Map<String, INDArray> validation();
  }

  /** @param seconds wall-clock seconds since the start, at the end of the epoch */
  public record Epoch(int epoch, double trainLoss, double validationLoss, double[] memberValidationLoss,
      double learningRate, double seconds) {}

  /** @param bestEpoch per member, the epoch whose weights were kept */
  public record History(List<Epoch> epochs, int[] bestEpoch, double[] bestValidationLoss, double seconds) {}

  public record Settings(int members, int batchSize, int maxEpochs, int patience, double learningRate,
      double finalLearningRateFraction, long seed, boolean progressBar) {}

  private EnsembleTrainer() {}

  public static History fit(Problem p, Settings s) {
    SameDiff sd = p.graph();
    int n = p.trainRows();
    int stepsPerEpoch = Math.max(1, (int) Math.ceil(n / (double) s.batchSize()));
    double gamma = Math.pow(s.finalLearningRateFraction(), 1.0 / ((double) stepsPerEpoch * s.maxEpochs()));
    ExponentialSchedule schedule = new ExponentialSchedule(ScheduleType.ITERATION, s.learningRate(), gamma);
    sd.setTrainingConfig(TrainingConfig.builder()
        .updater(new Adam(schedule))
        .dataSetFeatureMapping(p.featureNames())
        .dataSetLabelMapping(p.labelNames())
        .build());

    List<SDVariable> params = new ArrayList<>();
    for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) params.add(v);
    Map<String, INDArray> best = new HashMap<>();
    for (SDVariable v : params) best.put(v.name(), v.getArr().dup());

    Random[] rngs = new Random[s.members()];
    for (int m = 0; m < s.members(); m++) rngs[m] = new Random(s.seed() * 7919 + m);
    int[][] order = new int[s.members()][n];
    for (int m = 0; m < s.members(); m++) for (int i = 0; i < n; i++) order[m][i] = i;

    double[] bestLoss = new double[s.members()];
    java.util.Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
    int[] bestEpoch = new int[s.members()];
    List<Epoch> epochs = new ArrayList<>();
    long t0 = System.nanoTime();
    int iteration = 0;
    ProgressBarBuilder pbb = new ProgressBarBuilder().setTaskName("train x" + s.members())
        .setInitialMax(s.maxEpochs()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500);
    try (ProgressBar pb = s.progressBar() ? pbb.build() : null) {
      for (int epoch = 1; epoch <= s.maxEpochs(); epoch++) {
        for (int m = 0; m < s.members(); m++) shuffle(order[m], rngs[m]);
        double trainSum = 0;
        int steps = 0;
        for (int start = 0; start < n; start += s.batchSize()) {
          int len = Math.min(s.batchSize(), n - start);
          if (len < s.batchSize() / 4 && steps > 0) break; // a tiny tail batch only adds noise
          int[][] rows = new int[s.members()][len];
          for (int m = 0; m < s.members(); m++) System.arraycopy(order[m], start, rows[m], 0, len);
          INDArray[][] b = p.batch(rows);
          sd.fit(new MultiDataSet(b[0], b[1]));
          iteration++;
          steps++;
        }
        Map<String, INDArray> trainOut = sd.output(firstBatchFeed(p, order, Math.min(n, 2048)), "member_loss");
        trainSum = trainOut.get("member_loss").meanNumber().doubleValue();
        INDArray val = sd.output(p.validation(), "member_loss").get("member_loss");
        double[] memberVal = val.toDoubleVector();
        boolean anyRecent = false;
        for (int m = 0; m < s.members(); m++) {
          if (memberVal[m] < bestLoss[m]) {
            bestLoss[m] = memberVal[m];
            bestEpoch[m] = epoch;
            for (SDVariable v : params) best.get(v.name()).slice(m).assign(v.getArr().slice(m));
          }
          if (epoch - bestEpoch[m] < s.patience()) anyRecent = true;
        }
        double meanVal = java.util.Arrays.stream(memberVal).average().orElse(Double.NaN);
        double lr = schedule.valueAt(iteration, epoch);
        epochs.add(new Epoch(epoch, trainSum, meanVal, memberVal, lr, (System.nanoTime() - t0) / 1e9));
        if (pb != null) {
          pb.step();
          pb.setExtraMessage(String.format(" train %.4f val %.4f", trainSum, meanVal));
        }
        if (!Double.isFinite(trainSum)) throw new IllegalStateException("training diverged at epoch " + epoch);
        if (!anyRecent) break;
      }
    }
    for (SDVariable v : params) v.getArr().assign(best.get(v.name()));
    return new History(epochs, bestEpoch, bestLoss, (System.nanoTime() - t0) / 1e9);
  }

  /** The first rows of each member's current order: a cheap estimate of the training loss. */
  private static Map<String, INDArray> firstBatchFeed(Problem p, int[][] order, int len) {
    int[][] rows = new int[order.length][len];
    for (int m = 0; m < order.length; m++) System.arraycopy(order[m], 0, rows[m], 0, len);
    INDArray[][] b = p.batch(rows);
    Map<String, INDArray> feed = new HashMap<>();
    for (int i = 0; i < b[0].length; i++) feed.put(p.featureNames().get(i), b[0][i]);
    for (int i = 0; i < b[1].length; i++) feed.put(p.labelNames().get(i), b[1][i]);
    return feed;
  }

  private static void shuffle(int[] a, Random r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
