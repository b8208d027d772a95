package org.moho.models.mlp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained committee of N plain dense networks (regression or classification) with the
 * standardiser of its inputs (fitted on the training rows only). Regression targets are
 * standardised too and mapped back on prediction.
 */
public final class MlpCommittee {
  private final SameDiff graph;
  private final Standardizer inputs;
  private final double targetMean;
  private final double targetScale;
  private final int members;
  private final int classes;

  public MlpCommittee(SameDiff graph, Standardizer inputs, double targetMean, double targetScale, int members,
      int classes) {
    this.graph = graph;
    this.inputs = inputs;
    this.targetMean = targetMean;
    this.targetScale = targetScale;
    this.members = members;
    this.classes = classes;
  }

  /**
   * Trains a committee. {@code target} holds the regression value, or the class index when
   * {@code classes > 1}. Early stopping reads the {@code validation} rows.
   */
  public static Trained train(double[][] x, double[] target, int classes, int[] train, int[] validation,
      MlpSettings s, boolean progressBar) {
    if (train.length == 0 || validation.length == 0) throw new IllegalArgumentException("empty training or validation split");
    Standardizer std = Standardizer.fit(x, train);
    double[][] xs = new double[x.length][];
    for (int i = 0; i < x.length; i++) xs[i] = std.apply(x[i]);
    double mu = 0, sd = 1;
    if (classes <= 1) {
      for (int r : train) mu += target[r];
      mu /= train.length;
      double v = 0;
      for (int r : train) v += (target[r] - mu) * (target[r] - mu);
      sd = Math.max(1e-12, Math.sqrt(v / Math.max(1, train.length - 1)));
    }
    final double tMean = mu, tScale = sd;
    SameDiff g = MlpGraph.build(s.members(), x[0].length, s.hidden(), s.activation(), s.seed(), classes);
    EnsembleTrainer.Problem problem = new EnsembleTrainer.Problem() {
      @Override public SameDiff graph() { return g; }
      @Override public List<String> featureNames() { return List.of("x"); }
      @Override public List<String> labelNames() { return List.of("y"); }
      @Override public int trainRows() { return train.length; }

      @Override public INDArray[][] batch(int[][] memberRows) {
        int[][] rows = new int[memberRows.length][];
        for (int m = 0; m < rows.length; m++) {
          rows[m] = new int[memberRows[m].length];
          for (int i = 0; i < rows[m].length; i++) rows[m][i] = train[memberRows[m][i]];
        }
        return new INDArray[][] {{Feeds.rows3(xs, rows)}, {labels(rows)}};
      }

      @Override public Map<String, INDArray> validation() {
        int[][] rows = Feeds.same(validation, s.members());
        return Map.of("x", Feeds.rows3(xs, rows), "y", labels(rows));
      }

      private INDArray labels(int[][] rows) {
        if (classes <= 1) {
          INDArray y = Feeds.rows2(target, rows, 1.0);
          return y.subi(tMean).divi(tScale);
        }
        double[][] onehot = new double[target.length][classes];
        for (int[] member : rows) for (int r : member) onehot[r][(int) target[r]] = 1;
        return Feeds.rows3(onehot, rows);
      }
    };
    EnsembleTrainer.History h = EnsembleTrainer.fit(problem, s.trainer(progressBar));
    return new Trained(new MlpCommittee(g, std, tMean, tScale, s.members(), classes), h);
  }

  public record Trained(MlpCommittee model, EnsembleTrainer.History history) {}

  /** Regression: {@code [member][row]} predictions in target units. */
  public double[][] predict(double[][] x) {
    if (classes > 1) throw new IllegalStateException("a classifier: use probabilities()");
    double[][] out = new double[members][x.length];
    for (int from = 0; from < x.length; from += 4096) {
      int to = Math.min(x.length, from + 4096);
      INDArray o = run(x, from, to);
      for (int m = 0; m < members; m++) for (int i = from; i < to; i++) {
        out[m][i] = o.getDouble(m, i - from) * targetScale + targetMean;
      }
    }
    return out;
  }

  /** Classification: {@code [member][row][class]} probabilities. */
  public double[][][] probabilities(double[][] x) {
    if (classes <= 1) throw new IllegalStateException("a regressor: use predict()");
    double[][][] out = new double[members][x.length][classes];
    for (int from = 0; from < x.length; from += 4096) {
      int to = Math.min(x.length, from + 4096);
      INDArray o = run(x, from, to);
      for (int m = 0; m < members; m++) for (int i = from; i < to; i++) for (int k = 0; k < classes; k++) {
        out[m][i][k] = o.getDouble(m, i - from, k);
      }
    }
    return out;
  }

  private INDArray run(double[][] x, int from, int to) {
    double[][] xs = new double[to - from][];
    for (int i = from; i < to; i++) xs[i - from] = inputs.apply(x[i]);
    INDArray feed = Feeds.rows3(xs, Feeds.same(Feeds.range(0, xs.length), members));
    return graph.output(Map.of("x", feed), "out").get("out");
  }

  public int members() { return members; }
  public int classes() { return classes; }
  public Standardizer inputs() { return inputs; }
  public double targetMean() { return targetMean; }
  public double targetScale() { return targetScale; }

  /** Writes the graph (weights included, no updater state) to {@code file}. */
  public void saveGraph(Path file) throws IOException {
    graph.save(file.toFile(), false);
  }

  public static MlpCommittee load(Path graphFile, Standardizer inputs, double targetMean, double targetScale,
      int members, int classes) {
    return new MlpCommittee(SameDiff.load(new File(graphFile.toString()), false), inputs, targetMean, targetScale,
        members, classes);
  }
}
