package org.moho.pipelines.seismo;

import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code seismo.preprocess}. */
public record PreprocessConfig(@Doc("processing steps, applied in the order listed") List<PreprocessStep> steps) {
  public PreprocessConfig {
    ConfigException.check(steps != null && !steps.isEmpty(), "steps", "must list at least one step");
    steps = List.copyOf(steps);
  }
}
