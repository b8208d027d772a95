package org.moho.models.autoencoder;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything that decides how an autoencoder is built and trained. Two trainings with equal
 * configs on equal data (same records in the same order) give bitwise-equal weights; see
 * {@link AutoencoderTrainer} for what that rests on.
 *
 * @param architecture dense, 1-D or 2-D convolutional
 * @param layers dense: encoder widths, the last one is the latent size (the decoder mirrors them,
 *     e.g. [256, 128, 32] gives n-256-128-32-128-256-n); convolutional: channels per encoder level
 *     (each level halves the length, or both sides of a patch)
 * @param latentSize size of the code of the convolutional variants (dense: the last of layers)
 * @param kernelSize convolution kernel length (1-D) or side (2-D), odd
 * @param activation hidden-layer activation
 * @param outputActivation activation of the reconstruction
 * @param f0 lower bound of the scaled logistic
 * @param f1 upper bound of the scaled logistic
 * @param updater Adam or plain SGD
 * @param learningRate initial learning rate
 * @param schedule learning-rate schedule over epochs
 * @param decay factor of the step or exponential schedule
 * @param stepEpochs epochs per step of the step schedule
 * @param batchSize records per gradient step
 * @param epochs maximum number of epochs
 * @param l2 L2 weight penalty
 * @param noiseStd standard deviation of Gaussian noise added to the (scaled) inputs during
 *     training, targets stay clean (a denoising autoencoder); 0 for none
 * @param validationFraction share of the records held out (chosen with the seed) to measure
 *     validation loss; 0 for none
 * @param patience stop after this many epochs without a better validation loss (0: never stop
 *     early); the returned weights are those of the best epoch
 * @param scaling input scaling, fit on the training split only
 * @param seed seeds weight initialisation, the split, shuffling and noise
 * @param checkpointDir where a checkpoint is written after every epoch; null for none
 * @param resume continue from the last checkpoint in checkpointDir when there is one
 * @param progress draw a console progress bar
 */
public record AutoencoderConfig(
    Architecture architecture,
    List<Integer> layers,
    int latentSize,
    int kernelSize,
    ActivationKind activation,
    ActivationKind outputActivation,
    double f0,
    double f1,
    UpdaterKind updater,
    double learningRate,
    LearningRateSchedule schedule,
    double decay,
    int stepEpochs,
    int batchSize,
    int epochs,
    double l2,
    double noiseStd,
    double validationFraction,
    int patience,
    Scaling scaling,
    long seed,
    Path checkpointDir,
    boolean resume,
    boolean progress) {

  public AutoencoderConfig {
    layers = List.copyOf(layers);
    require(!layers.isEmpty(), "layers must not be empty");
    for (int w : layers) require(w > 0, "layers must all be > 0, got " + layers);
    require(architecture == Architecture.DENSE || latentSize > 0, "latent size must be > 0, got " + latentSize);
    require(kernelSize > 0 && kernelSize % 2 == 1, "kernel size must be odd and > 0, got " + kernelSize);
    require(activation != ActivationKind.SCALED_LOGISTIC && outputActivation != ActivationKind.SCALED_LOGISTIC || f1 > f0,
        "scaled logistic needs f1 > f0, got f0=" + f0 + ", f1=" + f1);
    require(learningRate > 0, "learning rate must be > 0, got " + learningRate);
    require(schedule == LearningRateSchedule.NONE || decay > 0 && decay <= 1, "decay must be in (0, 1], got " + decay);
    require(stepEpochs > 0, "step epochs must be > 0, got " + stepEpochs);
    require(batchSize > 0, "batch size must be > 0, got " + batchSize);
    require(epochs > 0, "epochs must be > 0, got " + epochs);
    require(l2 >= 0, "l2 must be >= 0, got " + l2);
    require(noiseStd >= 0, "noise std must be >= 0, got " + noiseStd);
    require(validationFraction >= 0 && validationFraction < 1, "validation fraction must be in [0, 1), got " + validationFraction);
    require(patience >= 0, "patience must be >= 0, got " + patience);
    require(!resume || checkpointDir != null, "resume needs a checkpoint folder");
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }

  /** A dense tanh autoencoder with Adam, batch 64, 20 epochs, standardised inputs, no checkpoints. */
  public static AutoencoderConfig dense(List<Integer> layers) {
    return new AutoencoderConfig(Architecture.DENSE, layers, 0, 5, ActivationKind.TANH, ActivationKind.IDENTITY,
        -1, 1, UpdaterKind.ADAM, 1e-3, LearningRateSchedule.NONE, 0.5, 10, 64, 20, 0, 0, 0, 0,
        Scaling.STANDARDIZE, 42, null, false, false);
  }

  public AutoencoderConfig withArchitecture(Architecture a, int latent) {
    return new AutoencoderConfig(a, layers, latent, kernelSize, activation, outputActivation, f0, f1, updater,
        learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction, patience,
        scaling, seed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withActivation(ActivationKind hidden, double lo, double hi) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, hidden, outputActivation, lo, hi, updater,
        learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction, patience,
        scaling, seed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withTraining(int newEpochs, int newBatch, double lr, long newSeed) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        updater, lr, schedule, decay, stepEpochs, newBatch, newEpochs, l2, noiseStd, validationFraction, patience,
        scaling, newSeed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withUpdater(UpdaterKind u, LearningRateSchedule s, double newDecay, int newStep) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        u, learningRate, s, newDecay, newStep, batchSize, epochs, l2, noiseStd, validationFraction, patience,
        scaling, seed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withRegularisation(double newL2, double noise, double validation, int newPatience) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        updater, learningRate, schedule, decay, stepEpochs, batchSize, epochs, newL2, noise, validation, newPatience,
        scaling, seed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withCheckpoints(Path dir, boolean resumeRun) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        updater, learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction,
        patience, scaling, seed, dir, resumeRun, progress);
  }

  public AutoencoderConfig withScaling(Scaling s) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        updater, learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction,
        patience, s, seed, checkpointDir, resume, progress);
  }

  public AutoencoderConfig withProgress(boolean show) {
    return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
        updater, learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction,
        patience, scaling, seed, checkpointDir, resume, show);
  }
}
