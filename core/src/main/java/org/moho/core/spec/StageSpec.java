package org.moho.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of {@code stages:} as written: id, the stage type it uses, its inputs, and its
 * {@code with:} block (an empty mapping when absent). {@code base} is the folder of the file that
 * declared it, against which relative paths in {@code with} resolve.
 */
public record StageSpec(
    String id, String use, List<InputRef> from, YNode.Mapping with, Location location, Location useLocation, Path base) {
  public StageSpec {
    from = List.copyOf(from);
  }
}
