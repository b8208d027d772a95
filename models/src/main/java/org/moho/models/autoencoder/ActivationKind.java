package org.moho.models.autoencoder;

/** Hidden-layer activations an autoencoder may use. */
public enum ActivationKind {
  TANH,
  RELU,
  SIGMOID,
  /** Valentine &amp; Trampert (2012): f0 + (f1 - f0) / (1 + e^-x); see {@link ScaledLogistic}. */
  SCALED_LOGISTIC,
  /** Identity; the usual choice for the output layer of data that is not bounded. */
  IDENTITY
}
