package org.moho.models.glass;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.moho.models.mlp.EnsembleTrainer;
import org.moho.models.mlp.Feeds;
import org.moho.models.mlp.MlpSettings;
import org.moho.models.mlp.Standardizer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** N physics-informed members in one SameDiff graph, with the standardiser of their inputs. */
public final class PhysicsEnsemble {
  private final SameDiff graph;
  private final Standardizer inputs;
  private final int members;
  private final CompositionDescriptors descriptors;

  /** @param descriptors appends {@link CompositionDescriptors} to the fractions before standardising; null: fractions only */
  PhysicsEnsemble(SameDiff graph, Standardizer inputs, int members, CompositionDescriptors descriptors) {
    this.graph = graph;
    this.inputs = inputs;
    this.members = members;
    this.descriptors = descriptors;
  }

  /** The standardised network input of one composition. */
  private double[] networkInput(double[] fractions) {
    return inputs.apply(descriptors == null ? fractions : descriptors.inputs(fractions));
  }

  public record Trained(PhysicsEnsemble model, EnsembleTrainer.History history) {}

  /** Trains on the {@code train} rows of {@code data}, stopping early on {@code validation}. */
  public static Trained train(ViscosityData data, int[] train, int[] validation, MlpSettings s, double[] weights,
      boolean withDescriptors, boolean progressBar) {
    CompositionDescriptors desc = withDescriptors ? new CompositionDescriptors(data.oxides()) : null;
    double[][] raw = desc == null ? data.composition() : desc.inputs(data.composition());
    Standardizer std = Standardizer.fit(raw, train);
    double[][] xs = new double[data.size()][];
    for (int i = 0; i < xs.length; i++) xs[i] = std.apply(raw[i]);
    SameDiff g = PhysicsViscosityGraph.build(s.members(), raw[0].length, s.hidden(), s.activation(), s.seed(),
        weights);
    EnsembleTrainer.Problem problem = new EnsembleTrainer.Problem() {
      @Override public SameDiff graph() { return g; }
      @Override public List<String> featureNames() { return List.of("x", "t"); }
      @Override public List<String> labelNames() { return List.of("y"); }
      @Override public int trainRows() { return train.length; }

      @Override public INDArray[][] batch(int[][] memberRows) {
        int[][] rows = new int[memberRows.length][];
        for (int m = 0; m < rows.length; m++) {
          rows[m] = new int[memberRows[m].length];
          for (int i = 0; i < rows[m].length; i++) rows[m][i] = train[memberRows[m][i]];
        }
        return new INDArray[][] {
            {Feeds.rows3(xs, rows), Feeds.rows2(data.tempK(), rows, 1e-3)},
            {Feeds.rows2(data.log10Viscosity(), rows, 1.0)}};
      }

      @Override public Map<String, INDArray> validation() {
        int[][] rows = Feeds.same(validation, s.members());
        return Map.of("x", Feeds.rows3(xs, rows), "t", Feeds.rows2(data.tempK(), rows, 1e-3),
            "y", Feeds.rows2(data.log10Viscosity(), rows, 1.0));
      }
    };
    EnsembleTrainer.History h = EnsembleTrainer.fit(problem, s.trainer(progressBar));
    return new Trained(new PhysicsEnsemble(g, std, s.members(), desc), h);
  }

  /** The parameters of every member for every composition: {@code [member][row]}. */
  public MeltParameters[][] parameters(double[][] fractions) {
    MeltParameters[][] out = new MeltParameters[members][fractions.length];
    for (int from = 0; from < fractions.length; from += 4096) {
      int to = Math.min(fractions.length, from + 4096);
      double[][] xs = new double[to - from][];
      for (int i = from; i < to; i++) xs[i - from] = networkInput(fractions[i]);
      INDArray x = Feeds.rows3(xs, Feeds.same(Feeds.range(0, xs.length), members));
      Map<String, INDArray> o = graph.output(Map.of("x", x), "a", "tg", "c", "c_vft", "sctg", "cpconf");
      for (int m = 0; m < members; m++) for (int i = from; i < to; i++) {
        int k = i - from;
        out[m][i] = new MeltParameters(o.get("a").getDouble(m, k), o.get("tg").getDouble(m, k),
            o.get("c").getDouble(m, k), o.get("c_vft").getDouble(m, k), o.get("sctg").getDouble(m, k), o.get("cpconf").getDouble(m, k));
      }
    }
    return out;
  }

  /** log10 viscosity of every member computed inside the graph, for one equation: {@code [member][row]}. */
  public double[][] graphViscosity(double[][] fractions, double[] tempK, ViscosityEquation eq) {
    double[][] xs = new double[fractions.length][];
    for (int i = 0; i < xs.length; i++) xs[i] = networkInput(fractions[i]);
    int[][] rows = Feeds.same(Feeds.range(0, xs.length), members);
    String name = "y_" + eq.key();
    INDArray o = graph.output(Map.of("x", Feeds.rows3(xs, rows), "t", Feeds.rows2(tempK, rows, 1e-3)), name).get(name);
    double[][] out = new double[members][fractions.length];
    for (int m = 0; m < members; m++) for (int i = 0; i < fractions.length; i++) out[m][i] = o.getDouble(m, i);
    return out;
  }

  public int members() { return members; }
  public Standardizer inputs() { return inputs; }
  public boolean descriptors() { return descriptors != null; }

  public void saveGraph(Path file) throws IOException {
    graph.save(file.toFile(), false);
  }

  public static PhysicsEnsemble load(Path graphFile, Standardizer inputs, int members, CompositionDescriptors descriptors) {
    return new PhysicsEnsemble(SameDiff.load(new File(graphFile.toString()), false), inputs, members, descriptors);
  }
}
