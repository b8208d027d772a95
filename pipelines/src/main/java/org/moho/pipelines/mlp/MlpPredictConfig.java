package org.moho.pipelines.mlp;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code mlp.predict}. */
public record MlpPredictConfig(
    @Doc("bundle folder; optional when the model port is connected to mlp.train") @Default(Default.NONE) Path bundle,
    @Doc("rows predicted per batch") @Default("1024") int batchSize) {
  public MlpPredictConfig {
    ConfigException.check(batchSize >= 1, "batch_size", "must be >= 1, got " + batchSize);
  }
}
