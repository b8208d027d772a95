package org.moho.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which folders a spec may name in its paths, so that a shared spec cannot read or overwrite
 * arbitrary files: a path must lie under one of the allowed roots — the spec's folder, the
 * working folder the command runs in, and the run's output folder — unless the user passes
 * {@code --allow-outside}. Paths are compared after {@code ..} and symbolic links are resolved
 * (as far as the path exists), so neither {@code ../../etc} nor a link inside the spec's folder
 * pointing out of it slips through.
 */
public final class PathPolicy {
  /** No restriction: for library callers and tests that build graphs outside the CLI. */
  public static final PathPolicy UNRESTRICTED = new PathPolicy(List.of(), true);

  private final List<Path> roots;
  private final boolean allowOutside;

  private PathPolicy(List<Path> roots, boolean allowOutside) {
    this.roots = roots;
    this.allowOutside = allowOutside;
  }

  /** Paths must lie under one of {@code roots} unless {@code allowOutside}. */
  public static PathPolicy within(boolean allowOutside, Path... roots) {
    List<Path> real = new ArrayList<>();
    for (Path r : roots) if (r != null) real.add(real(r));
    return new PathPolicy(List.copyOf(real), allowOutside);
  }

  public boolean allows(Path p) {
    if (allowOutside) return true;
    Path r = real(p);
    for (Path root : roots) if (r.startsWith(root)) return true;
    return false;
  }

  /** The absolute, normalised path with the links of its longest existing ancestor resolved. */
  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
    if (existing == null) return abs;
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs; // a dangling link: compared as written
    }
  }
}
