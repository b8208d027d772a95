package org.moho.pipelines.glass;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code glass.predict}. */
public record GlassPredictConfig(
    @Doc("bundle folder; optional when the model port is connected to glass.train") @Default(Default.NONE) Path bundle,
    @Doc("temperature column, K") @Default("T") String temperatureColumn,
    @Doc("rows predicted per batch") @Default("1024") int batchSize) {
  public GlassPredictConfig {
    ConfigException.check(batchSize >= 1, "batch_size", "must be >= 1, got " + batchSize);
  }
}
