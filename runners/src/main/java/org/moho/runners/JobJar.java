package org.moho.runners;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.moho.core.files.AtomicFiles;

/**
 * Makes a job jar: a copy of the Moho job jar (dist/) with extra stage jars merged in, so that one
 * file carries Moho, the built-in stages and the user's stages to a cluster.
 *
 * <p>Guarantees: ServiceLoader files ({@code META-INF/services/*}) are merged line by line, so the
 * extra {@code StageModule}s are found next to the built-in ones; signature files and module
 * descriptors of the extra jars are left out (a merged jar's signatures would be void, and the JVM
 * refuses a jar with a broken one); a class or resource the base jar already has is kept from the
 * base and counted as a duplicate. The output appears atomically.
 *
 * <p>The merge edits a copy of the base jar through the JDK's zip file system, which copies the
 * base's ~300 MB of entries without inflating them again; only the added entries are compressed.
 */
public final class JobJar {
  private JobJar() {}

  private static final Pattern SKIPPED = Pattern.compile(
      "META-INF/(MANIFEST\\.MF|INDEX\\.LIST|[^/]+\\.(SF|DSA|RSA|EC))|(META-INF/versions/\\d+/)?module-info\\.class",
      Pattern.CASE_INSENSITIVE);

  /** What a merge did. */
  public record Result(Path jar, long bytes, int added, int servicesMerged, List<String> duplicates) {}

  public static Result merge(Path base, List<Path> extras, Path output) throws IOException {
    if (!Files.isRegularFile(base)) throw new IOException("the Moho job jar " + base + " does not exist");
    for (Path e : extras) if (!Files.isRegularFile(e)) throw new IOException("extra stage jar " + e + " does not exist");
    Path dir = output.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + output.getFileName() + ".tmp-" + java.util.UUID.randomUUID());
    int added = 0;
    Set<String> servicesMerged = new LinkedHashSet<>();
    List<String> duplicates = new ArrayList<>();
    try {
      Files.copy(base, tmp);
      try (FileSystem target = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
        for (Path extra : extras) {
          try (FileSystem source = FileSystems.newFileSystem(extra); Stream<Path> walk = Files.walk(source.getPath("/"))) {
            for (Path from : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
              String name = from.toString().substring(1);
              if (SKIPPED.matcher(name).matches()) continue;
              Path to = target.getPath("/" + name);
              if (name.startsWith("META-INF/services/")) {
                mergeServiceFile(from, to);
                servicesMerged.add(name.substring("META-INF/services/".length()));
              } else if (Files.exists(to)) {
                if (!name.endsWith("/") && !isSameBytes(from, to)) duplicates.add(name);
              } else {
                if (to.getParent() != null) Files.createDirectories(to.getParent());
                Files.copy(from, to);
                added++;
              }
            }
          }
        }
      }
      AtomicFiles.moveIntoPlace(tmp, output);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new Result(output, Files.size(output), added, servicesMerged.size(), duplicates);
  }

  /** The union of the provider lines of both files, base first, without comments or repeats. */
  private static void mergeServiceFile(Path from, Path to) throws IOException {
    Set<String> lines = new LinkedHashSet<>();
    if (Files.exists(to)) lines.addAll(providers(Files.readString(to, StandardCharsets.UTF_8)));
    lines.addAll(providers(Files.readString(from, StandardCharsets.UTF_8)));
    if (to.getParent() != null) Files.createDirectories(to.getParent());
    Files.writeString(to, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static List<String> providers(String serviceFile) {
    List<String> out = new ArrayList<>();
    for (String line : serviceFile.split("\n")) {
      int hash = line.indexOf('#');
      String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!name.isEmpty()) out.add(name);
    }
    return out;
  }

  private static boolean isSameBytes(Path a, Path b) throws IOException {
    return Files.mismatch(a, b) == -1;
  }
}
