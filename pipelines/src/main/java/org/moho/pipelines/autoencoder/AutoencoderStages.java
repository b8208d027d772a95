package org.moho.pipelines.autoencoder;

import org.moho.core.stage.StageModule;

/** Registers the autoencoder stages. */
public final class AutoencoderStages extends StageModule {
  @Override
  protected void configureStages() {
    stage("autoencoder.train", TrainAutoencoder.class);
    stage("autoencoder.score", ScoreAutoencoder.class);
    stage("autoencoder.score-batches", ScoreAutoencoderBatches.class);
    stage("autoencoder.encode", EncodeAutoencoder.class);
    stage("latent.search", SearchLatent.class);
    stage("threshold", ApplyThreshold.class);
  }
}
