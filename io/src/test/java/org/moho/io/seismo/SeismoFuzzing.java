package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract the seismogram fuzz targets check: decoding any bytes gives segments and error
 * units (each with a reason), never an exception, and every segment is a usable trace.
 */
final class SeismoFuzzing {
  private SeismoFuzzing() {}

  static void check(byte[] bytes, SeismoFormat format) {
    FileContents c = SeismogramFile.decode(bytes, format, "fuzz.bin");
    assertEquals(c.units(), c.segments().size() + c.errors().size());
    for (DecodeError e : c.errors()) assertNotNull(e.reason());
    for (Segment s : c.segments()) {
      assertTrue(s.sampleRate() > 0 && Double.isFinite(s.sampleRate()), "sample rate " + s.sampleRate());
      assertTrue(s.samples().length > 0, "a segment without samples");
    }
    for (GapPolicy p : GapPolicy.values()) {
      TraceAssembler.Result r = TraceAssembler.assemble(c.segments(), p, "fuzz.bin");
      assertEquals(c.segments().size(), r.used() + r.rejected().size(), "every segment used or rejected (" + p + ")");
    }
  }
}
