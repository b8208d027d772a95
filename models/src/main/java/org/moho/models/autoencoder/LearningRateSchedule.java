package org.moho.models.autoencoder;

/**
 * How the learning rate changes with the epoch (DL4J's epoch-based schedules, so a resumed run
 * continues the schedule where it stopped: the epoch count is saved with the model).
 */
public enum LearningRateSchedule {
  /** Constant. */
  NONE,
  /** lr * decay^floor(epoch / step_epochs). */
  STEP,
  /** lr * decay^epoch. */
  EXPONENTIAL
}
