package org.moho.pipelines.scaling;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code scale.fit}. */
public record ScaleFitConfig(
    @Doc("standard ((x - mean) / std) or minmax ((x - min) / (max - min))") @Default("standard") FittedScaler.Method method,
    @Doc("Where to write the JSON artifact; absent = <out>/<stage id>.scaler.json") @Default(Default.NONE) Path path)
    {
  public ScaleFitConfig {
    ConfigException.check(method != null, "method", "must be standard or minmax");
  }
}
