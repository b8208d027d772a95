package org.moho.io.seismo;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Bytes → the SLIST decoder (as seismo.read with {@code format: slist}) and the trace assembler under
 * every gap policy; see {@link SeismoFuzzing} for what must hold. Seeds: trimmed real files of
 * data/seismograms (README.md beside them) plus crashing inputs once found and fixed.
 */
class SlistFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void slist(byte[] bytes) {
    SeismoFuzzing.check(bytes, SeismoFormat.SLIST);
  }
}
