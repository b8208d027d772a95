package org.moho.models.autoencoder;

/**
 * What one epoch did. Losses are mean squared errors in the scaled space the network sees;
 * {@code trainLoss} is DL4J's objective averaged over the epoch's batches (record-weighted MSE
 * plus the L2 penalty, on noisy inputs when denoising), {@code validationLoss} the plain MSE of
 * the clean held-out records after the epoch (NaN without a validation split).
 */
public record EpochMetrics(int epoch, double trainLoss, double validationLoss, double learningRate, long millis) {}
