package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Waveform;

/** The stage's waveform coder gives back the real II.TLY trace field for field, samples bit for bit. */
class WaveformCoderTest {
  @Test
  void roundTripsARealTrace() throws Exception {
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC");
    Waveform back = CoderUtils.clone(WaveformCoder.of(), tly);
    assertEquals(tly.id(), back.id());
    assertEquals(tly.start(), back.start());
    assertEquals(tly.sampleRate(), back.sampleRate());
    assertEquals(tly.source(), back.source());
    assertEquals(tly.attributes(), back.attributes());
    assertEquals(12684, back.length());
    assertArrayEquals(tly.samples(), back.samples());
    // deterministic: equal traces encode to equal bytes
    assertArrayEquals(CoderUtils.encodeToByteArray(WaveformCoder.of(), tly), CoderUtils.encodeToByteArray(WaveformCoder.of(), back));
  }
}
