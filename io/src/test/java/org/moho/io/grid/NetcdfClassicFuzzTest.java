package org.moho.io.grid;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Bytes → a netCDF-3 classic (ClassicNetcdfReader) file opened and read band by band as grid.read does; see
 * {@link GridFuzzing} for what must hold. Seeds: small cuts of data/bathymetry (README.md beside
 * them) plus crashing inputs once found and fixed.
 */
class NetcdfClassicFuzzTest {
  private static final Path FILE = GridFuzzing.file(".nc");

  @FuzzTest(maxDuration = "30s")
  void netcdfClassic(byte[] bytes) throws IOException {
    GridFuzzing.check(FILE, bytes, GridFormat.NETCDF);
  }
}
