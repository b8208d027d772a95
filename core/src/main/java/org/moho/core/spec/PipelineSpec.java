package org.moho.core.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded spec with its includes merged: what the user wrote, before params are applied. */
public record PipelineSpec(
    Path file, String name, String description, Map<String, ParamSpec> params, List<StageSpec> stages, List<Path> files) {
  public PipelineSpec {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    stages = List.copyOf(stages);
    files = List.copyOf(files);
  }

  public Path folder() {
    return file.toAbsolutePath().getParent();
  }
}
