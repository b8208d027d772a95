package org.moho.pipelines.autoencoder;

/** How the {@code threshold} stage chooses its threshold. */
public enum ThresholdMode {
  /** {@code value} is the threshold. */
  ABSOLUTE,
  /** {@code value} is a percentile (0-100) of the training errors stored in the bundle's model.json. */
  PERCENTILE,
  /** The lowest threshold whose false-positive rate on a labelled set is at most {@code value}. */
  TARGET_FPR,
  /** The highest threshold whose true-positive rate on a labelled set is at least {@code value}. */
  TARGET_TPR
}
