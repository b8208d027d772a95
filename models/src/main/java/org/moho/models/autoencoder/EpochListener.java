package org.moho.models.autoencoder;

/**
 * Told about every finished epoch, after its checkpoint is on disk. An exception thrown here stops
 * the training and propagates (tests use that to simulate a killed run).
 */
@FunctionalInterface
public interface EpochListener {
  void afterEpoch(EpochMetrics metrics);

  EpochListener NONE = m -> {};
}
