package org.moho.models.autoencoder;

/** Gradient-descent rules. */
public enum UpdaterKind {
  ADAM,
  SGD
}
