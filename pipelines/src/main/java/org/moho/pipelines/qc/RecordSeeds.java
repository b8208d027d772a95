package org.moho.pipelines.qc;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A random stream per record that depends only on the configured seed and the record's key, so
 * every runner, worker and re-run damages a record the same way whatever the order of records.
 */
final class RecordSeeds {
  private RecordSeeds() {}

  /** 64-bit FNV-1a of the key's UTF-8 bytes (String.hashCode's 32 bits collide too easily). */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  static SplittableRandom random(long seed, String key) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ hash(key));
  }
}
