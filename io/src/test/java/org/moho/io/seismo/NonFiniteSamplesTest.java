package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NaN in a real SAC trace (II.TLY.BHZ, big-endian floats) makes the trace an error unit, not a NaN waveform. */
class NonFiniteSamplesTest {
  @Test
  void aNaNSampleIsAnErrorUnit() throws IOException {
    byte[] b = Files.readAllBytes(Path.of(System.getProperty("moho.repo")).resolve("data/seismograms/II.TLY.BHZ.SAC"));
    ByteBuffer.wrap(b).putFloat(632 + 4 * 100, Float.NaN); // sample 100
    FileContents c = SeismogramFile.decode(b, SeismoFormat.AUTO, "II.TLY.BHZ.SAC");
    assertEquals(List.of(), c.segments());
    assertEquals(1, c.errors().size());
    assertTrue(c.errors().get(0).reason().equals("II.TLY.00.BHZ: 1 of 12684 samples are NaN or infinite (the first at sample 100)"),
        c.errors().get(0).reason());
  }
}
