package org.moho.models.autoencoder;

/**
 * The shape of an autoencoder. Every variant reads and reconstructs a flat vector of
 * {@code inputSize} floats, so the scorer, the bundle and the stages need not know which one
 * they hold.
 */
public enum Architecture {
  /** Fully connected: encoder widths from the config, decoder mirrors them. */
  DENSE,
  /** Convolutions along one axis, for waveform windows (a 1 x n image; see NetworkFactory). */
  CONV1D,
  /** Convolutions over a square patch (size x size, row-major). */
  CONV2D
}
