package org.moho.io.grid;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Bytes → a x y z text grid file opened and read band by band as grid.read does; see
 * {@link GridFuzzing} for what must hold. Seeds: small cuts of data/bathymetry (README.md beside
 * them) plus crashing inputs once found and fixed.
 */
class XyzGridFuzzTest {
  private static final Path FILE = GridFuzzing.file(".xyz");

  @FuzzTest(maxDuration = "30s")
  void xyz(byte[] bytes) throws IOException {
    GridFuzzing.check(FILE, bytes, GridFormat.XYZ);
  }
}
