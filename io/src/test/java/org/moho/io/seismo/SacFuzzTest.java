package org.moho.io.seismo;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Bytes → the SAC decoder (as seismo.read with {@code format: sac}) and the trace assembler under
 * every gap policy; see {@link SeismoFuzzing} for what must hold. Seeds: trimmed real files of
 * data/seismograms (README.md beside them) plus crashing inputs once found and fixed.
 */
class SacFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void sac(byte[] bytes) {
    SeismoFuzzing.check(bytes, SeismoFormat.SAC);
  }
}
