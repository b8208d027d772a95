package org.moho.pipelines.scaling;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code scale.apply}. */
public record ScaleApplyConfig(
    @Doc("The JSON artifact written by scale.fit") Path artifact,
    @Doc("Expected number of features, checked against the artifact when the pipeline is built") @Default(Default.NONE) Integer length,
    @Doc("Expected feature names, checked against the artifact when the pipeline is built") @Default(Default.NONE) List<String> features)
    {
  public ScaleApplyConfig {
    ConfigException.check(artifact != null, "artifact", "is required: the path of a scale.fit artifact");
    ConfigException.check(length == null || length > 0, "length", "must be > 0, got " + length);
    if (features != null) features = List.copyOf(features);
  }
}
