package org.moho.pipelines.glass;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.models.glass.GlassTrainSettings;
import org.moho.models.glass.ViscosityEquation;
import org.moho.models.mlp.EnsembleGraph;
import org.moho.models.mlp.MlpSettings;

/** The {@code with:} block of {@code glass.train}. */
public record GlassTrainConfig(
    @Doc("folder the model bundle is written to (replaced atomically)") Path bundle,
    @Doc("physics (network → VFT/MYEGA/Adam–Gibbs parameters) or plain (composition and T → viscosity)") @Default("physics") GlassTrainSettings.Model model,
    @Doc("ensemble members (differ by seed)") @Default("5") int members,
    @Doc("hidden layer widths") @Default("[96, 96]") List<Integer> hidden,
    @Doc("hidden activation: tanh, relu, gelu or softsign") @Default("tanh") EnsembleGraph.Activation activation,
    @Doc("maximum epochs") @Default("120") int epochs,
    @Doc("stop when no member improved on validation for this many epochs") @Default("30") int patience,
    @Doc("rows per step and member") @Default("512") int batchSize,
    @Doc("Adam's initial learning rate") @Default("0.01") double learningRate,
    @Doc("learning rate reached at the last epoch, as a fraction of the initial one (exponential decay)") @Default("0.05") double finalLearningRateFraction,
    @Doc("seed of weights and batch order") @Default("42") long seed,
    @Doc("seed of the split by composition") @Default("20261121") long splitSeed,
    @Doc("share of compositions held out for the test metrics") @Default("0.2") double testFraction,
    @Doc("share of compositions for early stopping and the noise calibration") @Default("0.1") double validationFraction,
    @Doc("loss weights of MYEGA, VFT and Adam–Gibbs (physics model)") @Default("[1.0, 1.0, 1.0]") List<Double> equationWeights,
    @Doc("equation reported as the viscosity: myega, vft or adam-gibbs") @Default("adam-gibbs") ViscosityEquation reported,
    @Doc("share of validation points the calibrated ±2σ interval must cover") @Default("0.95") double coverageTarget,
    @Doc("feed the network composition descriptors (NBO/T, modifier totals, Al charge balance, K/Na, Ca/Mg, Si/Al) beside the mole fractions") @Default("true") boolean descriptors,
    @Doc("leave training melts without any network-forming oxide (SiO2, TiO2, Al2O3, Fe2O3, P2O5; e.g. pure H2O) out of the fit; counted, split unchanged") @Default("true") boolean requireNetworkFormer,
    @Doc("column naming the melt (the split groups by it)") @Default("Name") String nameColumn,
    @Doc("temperature column, K") @Default("T") String temperatureColumn,
    @Doc("target column, log10 Pa·s") @Default("viscosity") String targetColumn,
    @Doc("show a progress bar on the console") @Default("true") boolean progressBar) {

  public GlassTrainConfig {
    ConfigException.check(members >= 1, "members", "must be >= 1, got " + members);
    ConfigException.check(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
    ConfigException.check(patience >= 1, "patience", "must be >= 1, got " + patience);
    ConfigException.check(batchSize >= 1, "batch_size", "must be >= 1, got " + batchSize);
    ConfigException.check(learningRate > 0, "learning_rate", "must be > 0, got " + learningRate);
    ConfigException.check(finalLearningRateFraction > 0 && finalLearningRateFraction <= 1,
        "final_learning_rate_fraction", "must be in (0, 1], got " + finalLearningRateFraction);
    ConfigException.check(!hidden.isEmpty() && hidden.stream().allMatch(h -> h > 0), "hidden",
        "must list positive widths, got " + hidden);
    ConfigException.check(testFraction >= 0 && validationFraction > 0 && testFraction + validationFraction < 1,
        "test_fraction", "test_fraction >= 0, validation_fraction > 0 and their sum < 1, got "
            + testFraction + " and " + validationFraction);
    ConfigException.check(equationWeights.size() == 3 && equationWeights.stream().allMatch(w -> w >= 0)
        && equationWeights.stream().mapToDouble(Double::doubleValue).sum() > 0, "equation_weights",
        "must be three weights >= 0 with a positive sum, got " + equationWeights);
    ConfigException.check(coverageTarget > 0 && coverageTarget < 1, "coverage_target",
        "must be in (0, 1), got " + coverageTarget);
  }

  GlassTrainSettings settings() {
    return new GlassTrainSettings(model, new MlpSettings(members, hidden, activation, epochs, patience, batchSize,
        learningRate, finalLearningRateFraction, seed), splitSeed, testFraction, validationFraction, equationWeights,
        reported, coverageTarget, descriptors, requireNetworkFormer);
  }
}
