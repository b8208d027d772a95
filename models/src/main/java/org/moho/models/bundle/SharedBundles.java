package org.moho.models.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model bundles loaded once per JVM and shared by every DoFn instance in it. A Beam worker makes
 * many instances of one DoFn (the DirectRunner one per thread and step, Flink one per slot), and
 * loading a bundle in each {@code @Setup} repeats the unzip, the SHA-256 check and the JSON parse
 * (JFR of the Beam scoring benchmark: model loading was a third of the run's CPU time). This is
 * the idiom of Beam Python's {@code shared.Shared} for RunInference models.
 *
 * <p>A bundle is identified by its folder and its model file's size, modification time and
 * recorded checksum, so a bundle rewritten in place (a rerun of training) is loaded afresh. The
 * cached {@link ModelBundle}'s network is shared: callers must not train or mutate it; clone it
 * for anything that is not read-only ({@link org.moho.models.autoencoder.ReconstructionErrorScorer}
 * does). At most {@link #CAPACITY} bundles are kept, least recently used first out.
 */
public final class SharedBundles {
  static final int CAPACITY = 8;

  private record Key(Path dir, long size, FileTime modified, String sha256) {}

  private static final Map<Key, ModelBundle> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, ModelBundle> eldest) {
      return size() > CAPACITY;
    }
  };

  private SharedBundles() {}

  /** The bundle at {@code dir}, loaded and checked by {@link ModelBundle#load} on first use in this JVM. */
  public static synchronized ModelBundle get(Path dir) {
    Key key = key(dir);
    ModelBundle b = CACHE.get(key);
    if (b == null) {
      b = ModelBundle.load(dir);
      CACHE.put(key, b);
    }
    return b;
  }

  private static Key key(Path dir) {
    ModelInfo info = ModelBundle.readInfo(dir);
    Path model = dir.resolve(ModelBundle.MODEL);
    try {
      return new Key(dir.toAbsolutePath().normalize(), Files.size(model), Files.getLastModifiedTime(model), info.modelSha256());
    } catch (IOException e) {
      // no model file (or unreadable): let load() give its own message
      return new Key(dir.toAbsolutePath().normalize(), -1, FileTime.fromMillis(0), info.modelSha256());
    }
  }
}
