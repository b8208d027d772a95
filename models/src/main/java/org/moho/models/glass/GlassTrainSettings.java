package org.moho.models.glass;

import java.util.List;
import org.moho.models.mlp.EnsembleGraph;
import org.moho.models.mlp.MlpSettings;

/**
 * Everything that decides a glass viscosity training, recorded whole in the bundle's model.json.
 *
 * @param model physics-informed (composition → equation parameters) or plain (composition and
 *     1000/T → viscosity directly, the baseline)
 * @param committee the ensemble and its optimisation
 * @param splitSeed seed of the split by composition ({@link org.moho.models.mlp.GroupSplit})
 * @param testFraction share of compositions held out for the test
 * @param validationFraction share of compositions for early stopping and noise calibration
 * @param equationWeights loss weights of MYEGA, VFT and Adam–Gibbs (physics model only)
 * @param reported the equation whose prediction is reported as the viscosity
 * @param coverageTarget share of validation points the calibrated ±2σ must cover
 * @param descriptors feed the network the {@link CompositionDescriptors} beside the mole fractions
 * @param requireNetworkFormer leave the training melts without any network-forming oxide out of
 *     the fit (pure H2O in GP-visc); the split, validation and test rows are unchanged
 */
public record GlassTrainSettings(Model model, MlpSettings committee, long splitSeed, double testFraction,
    double validationFraction, List<Double> equationWeights, ViscosityEquation reported, double coverageTarget, boolean descriptors,
    boolean requireNetworkFormer) implements java.io.Serializable {
  public enum Model { PHYSICS, PLAIN }

  /** Defaults tuned on the bundled GP-visc database (docs/stages/glass.md). */
  public static GlassTrainSettings defaults(Model model) {
    return new GlassTrainSettings(model,
        new MlpSettings(5, List.of(96, 96), EnsembleGraph.Activation.TANH, 120, 30, 512, 1e-2, 0.05, 42),
        20261121L, 0.2, 0.1, List.of(1.0, 1.0, 1.0), ViscosityEquation.ADAM_GIBBS, 0.95, true, true);
  }

  public GlassTrainSettings withCommittee(MlpSettings c) {
    return new GlassTrainSettings(model, c, splitSeed, testFraction, validationFraction, equationWeights, reported,
        coverageTarget, descriptors, requireNetworkFormer);
  }

  public GlassTrainSettings withDescriptors(boolean d) {
    return new GlassTrainSettings(model, committee, splitSeed, testFraction, validationFraction, equationWeights,
        reported, coverageTarget, d, requireNetworkFormer);
  }

  public GlassTrainSettings withRequireNetworkFormer(boolean r) {
    return new GlassTrainSettings(model, committee, splitSeed, testFraction, validationFraction, equationWeights,
        reported, coverageTarget, descriptors, r);
  }

  public GlassTrainSettings withEquationWeights(List<Double> w) {
    return new GlassTrainSettings(model, committee, splitSeed, testFraction, validationFraction, w, reported,
        coverageTarget, descriptors, requireNetworkFormer);
  }
}
