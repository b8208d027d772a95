package org.moho.io.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TupleTag;
import org.moho.core.data.ErrorRecord;
import org.moho.core.stage.StageOutputs;

/**
 * Expands a path that may be a file, a folder (its files, sorted) or a glob ({@code data/*.csv},
 * {@code data/**.mseed}) into files, at run time. A pattern that matches nothing is an error
 * record, not an empty result nobody notices.
 */
public final class FileGlob {
  private FileGlob() {}

  public static final TupleTag<String> FILES = new TupleTag<String>("files") {};

  /** The files a pattern names, sorted; an empty list when none match. */
  public static List<Path> expand(String pattern) throws IOException {
    Path p = Path.of(pattern);
    if (Files.isRegularFile(p)) return List.of(p);
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
      }
    }
    int firstGlob = indexOfGlob(pattern);
    if (firstGlob < 0) return List.of();
    int slash = pattern.lastIndexOf('/', firstGlob);
    Path root = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(slash, 1)));
    if (!Files.isDirectory(root)) return List.of();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(f -> m.matches(slash < 0 ? root.relativize(f) : f)).sorted().toList();
    }
  }

  private static int indexOfGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') return i;
    }
    return -1;
  }

  /** Emits each matching file under {@link #FILES}; a pattern with no match is an error record. */
  public static final class MatchFn extends DoFn<String, String> {
    private final String stage;

    public MatchFn(String stage) {
      this.stage = stage;
    }

    @ProcessElement
    public void process(@Element String pattern, MultiOutputReceiver out) {
      try {
        List<Path> files = expand(pattern);
        if (files.isEmpty()) {
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, pattern,
              Files.exists(Path.of(pattern)) ? "not a readable file" : "no such file or no file matches", null));
        }
        for (Path f : files) out.get(FILES).output(f.toString());
      } catch (IOException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, pattern, "cannot list files: " + e.getMessage(), null));
      }
    }
  }

  public static PCollection<ErrorRecord> flattenErrors(PCollection<ErrorRecord> a, PCollection<ErrorRecord> b) {
    return PCollectionList.of(a).and(b).apply("Errors", Flatten.pCollections());
  }
}
