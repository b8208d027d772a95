package org.moho.pipelines.mlp;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.models.mlp.EnsembleGraph;
import org.moho.models.mlp.MlpSettings;

/** The {@code with:} block of {@code mlp.train}. */
public record MlpTrainConfig(
    @Doc("folder the committee bundle is written to (replaced atomically)") Path bundle,
    @Doc("numeric input columns") List<String> features,
    @Doc("target column: a number (regression) or a label (classification)") String target,
    @Doc("regression or classification") @Default("regression") Task task,
    @Doc("committee members (differ by seed)") @Default("5") int members,
    @Doc("hidden layer widths") @Default("[64, 64]") List<Integer> hidden,
    @Doc("hidden activation: tanh, relu, gelu or softsign") @Default("relu") EnsembleGraph.Activation activation,
    @Doc("maximum epochs") @Default("200") int epochs,
    @Doc("stop when no member improved on validation for this many epochs") @Default("30") int patience,
    @Doc("rows per step and member") @Default("256") int batchSize,
    @Doc("Adam's initial learning rate") @Default("0.001") double learningRate,
    @Doc("seed of weights and batch order") @Default("42") long seed,
    @Doc("column whose values are kept together by the split (e.g. a melt name); rows split one by one when absent") @Default(Default.NONE) String group,
    @Doc("seed of the split") @Default("20261121") long splitSeed,
    @Doc("share held out for the test metrics") @Default("0.2") double testFraction,
    @Doc("share used for early stopping") @Default("0.1") double validationFraction,
    @Doc("show a progress bar on the console") @Default("true") boolean progressBar) {

  public enum Task { REGRESSION, CLASSIFICATION }

  public MlpTrainConfig {
    ConfigException.check(!features.isEmpty(), "features", "must list at least one column");
    ConfigException.check(!features.contains(target), "target", "must not be one of the features: " + target);
    ConfigException.check(members >= 1, "members", "must be >= 1, got " + members);
    ConfigException.check(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
    ConfigException.check(patience >= 1, "patience", "must be >= 1, got " + patience);
    ConfigException.check(batchSize >= 1, "batch_size", "must be >= 1, got " + batchSize);
    ConfigException.check(learningRate > 0, "learning_rate", "must be > 0, got " + learningRate);
    ConfigException.check(!hidden.isEmpty() && hidden.stream().allMatch(h -> h > 0), "hidden",
        "must list positive widths, got " + hidden);
    ConfigException.check(testFraction >= 0 && validationFraction > 0 && testFraction + validationFraction < 1,
        "test_fraction", "test_fraction >= 0, validation_fraction > 0 and their sum < 1, got "
            + testFraction + " and " + validationFraction);
  }

  MlpSettings settings() {
    return new MlpSettings(members, hidden, activation, epochs, patience, batchSize, learningRate, 0.1, seed);
  }
}
