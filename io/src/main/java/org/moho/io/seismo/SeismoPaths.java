package org.moho.io.seismo;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands {@code seismo.read}'s {@code path}: a file is itself; a folder is its regular,
 * non-hidden files (not recursive); anything with a glob character ({@code * ? [ {}) is matched
 * against the files under its longest glob-free folder ({@code **} crosses folders). Sorted, so runs
 * are repeatable.
 */
final class SeismoPaths {
  private SeismoPaths() {}

  static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  static List<Path> expand(String path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (isGlob(path)) {
      Path base = globBase(path);
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
      if (Files.isDirectory(base)) {
        try (Stream<Path> s = Files.walk(base)) {
          s.filter(Files::isRegularFile).filter(matcher::matches).forEach(files::add);
        }
      }
    } else {
      Path p = Path.of(path);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).forEach(files::add);
        }
      } else if (Files.exists(p)) {
        files.add(p);
      }
    }
    files.sort(null);
    return files;
  }

  /** The folder a glob is rooted at: its leading components that hold no glob character. */
  static Path globBase(String glob) {
    Path p = Path.of(glob);
    Path base = p.getRoot();
    for (Path part : p) {
      if (isGlob(part.toString())) break;
      base = base == null ? part : base.resolve(part);
    }
    return base == null ? Path.of(".") : base;
  }
}
