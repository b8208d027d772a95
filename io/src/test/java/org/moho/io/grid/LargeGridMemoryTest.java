package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory bound, shown: a JVM with a 64 MB heap writes a 218 MB netCDF-3 grid (8192 x 6656
 * floats) and reads it back as 832 tiles of 256 nodes with a 16-node halo, every node checked.
 */
class LargeGridMemoryTest {
  @Test
  void readsAGridLargerThanTheHeap(@TempDir Path tmp) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", cp, LargeGridMemoryProbe.class.getName(), tmp.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    Map<String, Long> v = new HashMap<>();
    for (String kv : out.substring(out.lastIndexOf("tiles=")).split(" ")) {
      String[] f = kv.split("=");
      if (f.length == 2) v.put(f[0], Long.parseLong(f[1]));
    }
    long bytes = v.get("bytes");
    long heap = v.get("heap");
    assertTrue(bytes > 200_000_000L, "grid file of " + bytes + " bytes");
    assertTrue(heap < 70_000_000L && bytes > 3 * heap, "heap " + heap + " for " + bytes + " bytes");
    assertEquals(32L * 26, v.get("tiles"));
    assertEquals(8192L * 6656, v.get("nodes"));
    assertEquals(0L, v.get("bad"), out);
  }
}
