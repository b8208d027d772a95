package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions for NetcdfClassicFuzzTest findings: a grid header that GridHeader refuses escaped
 * as IllegalArgumentException instead of the documented IOException.
 */
class GridHeaderErrorsTest {
  static final Path SEEDS = Path.of(System.getProperty("moho.repo")).resolve("io/src/test/resources/org/moho/io/grid");

  @Test
  void aNetcdfGridWithAConstantLatitudeIsAnIoError() {
    // tut_bathy.cut8x6.nc mutated so that every latitude is the same: spacing 0 in y
    Path crash = SEEDS.resolve("NetcdfClassicFuzzTestInputs/netcdfClassic/crash-ed5fba6e6775452fbf353609af4d8a16abe7090c");
    IOException e = assertThrows(IOException.class, () -> GridFormat.NETCDF.open(crash, null).close());
    assertTrue(e.getMessage().contains("not a usable grid: grid spacing"), e.getMessage());
  }

  @Test
  void anEsriGridWithZeroCellSizeIsAnIoError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("g.asc");
    Files.writeString(f, "ncols 2\nnrows 1\nxllcenter 0\nyllcenter 0\ncellsize 0\n1 2\n");
    IOException e = assertThrows(IOException.class, () -> GridFormat.ESRI.open(f, null).close());
    assertTrue(e.getMessage().contains("grid spacing"), e.getMessage());
  }

  @Test
  void anEsriHeaderAnnouncingMoreValuesThanTheFileHoldsIsRefusedBeforeAllocating() {
    // EsriGridFuzzTest: tut_bathy.south6x7.asc with nrows 833333333333 exhausted the heap
    Path crash = SEEDS.resolve("EsriGridFuzzTestInputs/esri/crash-25a796e46172c9a707d3d85bef09e1621fa8b1c1");
    IOException e = assertThrows(IOException.class, () -> GridFormat.ESRI.open(crash, null).close());
    assertTrue(e.getMessage().contains("must be whole numbers") || e.getMessage().contains("cannot hold them"), e.getMessage());
  }

  @Test
  void xyzPointsWithTinyGapsAreRefusedAsNotAGridInsteadOfReadForMinutes() {
    // XyzGridFuzzTest's 40-second unit: six points whose latitudes differ by 5e-7 degrees made a
    // lattice of billions of nodes that the band reader re-read the file for, band after band.
    Path slow = SEEDS.resolve("XyzGridFuzzTestInputs/xyz/tiny-gaps-slow-bf81b125.xyz");
    IOException e = assertThrows(IOException.class, () -> GridFormat.XYZ.open(slow, null).close());
    assertTrue(e.getMessage().startsWith("XYZ values are not the nodes of a regular grid"), e.getMessage());
    assertTrue(e.getMessage().contains("for only 5 points"), e.getMessage());
  }

  /** Found by EsriGridFuzzTest and NetcdfClassicFuzzTest: an infinite origin, or an extent beyond the doubles, is not a grid. */
  @Test
  void anInfiniteOriginOrExtentIsAnIoError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("g.asc");
    for (String header : new String[] {
        "xllcenter Infinity\nyllcenter 0\ncellsize 1", "xllcenter 0\nyllcenter NaN\ncellsize 1",
        "xllcenter 1e308\nyllcenter 0\ncellsize 1e308"}) {
      Files.writeString(f, "ncols 3\nnrows 1\n" + header + "\n1 2 3\n");
      IOException e = assertThrows(IOException.class, () -> GridFormat.ESRI.open(f, null).close(), header);
      assertTrue(e.getMessage().contains("does not give finite coordinates"), e.getMessage());
    }
  }

  /** Found by NetcdfClassicFuzzTest: a NaN scale_factor made every node NaN without a word. */
  @Test
  void aNanOrInfinitePackingIsAnIoError(@TempDir Path dir) throws IOException {
    byte[] good = Files.readAllBytes(Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry/HI_topo_04.nc"));
    int name = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("scale_factor");
    Path f = dir.resolve("packed.nc");
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      byte[] b = good.clone();
      // name (12 bytes, no padding), nc_type, nelems, then the double
      java.nio.ByteBuffer.wrap(b).putDouble(name + 12 + 8, bad);
      Files.write(f, b);
      IOException e = assertThrows(IOException.class, () -> GridFormat.NETCDF.open(f, null).close());
      assertTrue(e.getMessage().contains("scale_factor " + bad) && e.getMessage().contains("must be finite numbers"), e.getMessage());
    }
  }
}
