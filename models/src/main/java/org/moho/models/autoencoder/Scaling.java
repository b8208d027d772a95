package org.moho.models.autoencoder;

/** How inputs are scaled before they reach the network; fit on the training split only. */
public enum Scaling {
  /** Values as given. */
  NONE,
  /** One mean and standard deviation over all values (keeps the shape of each record). */
  STANDARDIZE,
  /** A mean and standard deviation per input position. */
  PER_FEATURE,
  /** One minimum and maximum over all values, mapped to [0, 1] (for sigmoid outputs). */
  MINMAX
}
