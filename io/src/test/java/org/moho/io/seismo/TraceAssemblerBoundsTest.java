package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression for a MiniSeedFuzzTest finding: the first two records of
 * BW.BGLD.__.EHE.D.2008.001.first_10_records with the second one's start year changed made
 * fill-zero allocate a trace of ~2^31 samples (out of memory). A gap longer than
 * {@link TraceAssembler#MAX_FILL} samples now splits the trace under every policy.
 */
class TraceAssemblerBoundsTest {
  static final Path CRASH = Path.of(System.getProperty("moho.repo"))
      .resolve("io/src/test/resources/org/moho/io/seismo/MiniSeedFuzzTestInputs/miniSeed/crash-5dbc47ef858c21c7e421b43a3875c732d23fe602");

  @Test
  void aGapOfYearsIsNotFilled() throws IOException {
    FileContents c = MiniSeedScanner.scan(Files.readAllBytes(CRASH));
    assertEquals(2, c.segments().size(), c.errors().toString());
    for (GapPolicy p : new GapPolicy[] {GapPolicy.FILL_ZERO, GapPolicy.INTERPOLATE, GapPolicy.SPLIT}) {
      TraceAssembler.Result r = TraceAssembler.assemble(c.segments(), p, "crash");
      assertEquals(2, r.traces().size(), p + ": the gap splits the trace");
      assertEquals(1, r.gaps());
      for (var w : r.traces()) assertTrue(w.samples().length <= 1000, p + ": " + w.samples().length + " samples");
    }
  }

  @Test
  void aGapWithinTheLimitIsStillFilled() {
    Segment a = new Segment("BW", "BGLD", "", "EHE", 0, 100, new double[] {1, 2, 3}, 0, java.util.Map.of());
    Segment b = new Segment("BW", "BGLD", "", "EHE", 3_000_000 + 30_000, 100, new double[] {4}, 512, java.util.Map.of());
    TraceAssembler.Result r = TraceAssembler.assemble(java.util.List.of(a, b), GapPolicy.FILL_ZERO, "x");
    assertEquals(1, r.traces().size());
    assertEquals(3 + 300 + 1, r.traces().get(0).samples().length); // 3 s gap at 100 Hz: 300 zeros
  }
}
