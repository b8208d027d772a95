package org.moho.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against files written by scipy's independent netCDF writer
 * (src/test/resources/netcdf/make_fixtures.py) and against GMT's own classic grids.
 */
class ClassicNetcdfReaderTest {
  private static final Path REPO = Path.of(System.getProperty("moho.repo"));
  private static final Path FIXTURES = REPO.resolve("io/src/test/resources/netcdf");

  @ParameterizedTest
  @ValueSource(strings = {"all_types_cdf1.nc", "all_types_cdf2.nc"})
  void readsEveryTypeAttributeAndRecordVariable(String file) throws IOException {
    try (ClassicNetcdfReader r = ClassicNetcdfReader.open(FIXTURES.resolve(file))) {
      assertEquals(file.contains("cdf1") ? 1 : 2, r.version());
      assertEquals(4, r.numRecords());
      assertEquals("time", r.dimensions().get(0).name());
      assertTrue(r.dimensions().get(0).unlimited());
      assertEquals("all nc types", r.globalAttribute("title").orElseThrow().text());
      assertArrayEquals(new double[] {42}, r.globalAttribute("answer").orElseThrow().asDoubles());
      assertArrayEquals(new double[] {0.5, 0.25}, r.globalAttribute("ratios").orElseThrow().asDoubles());

      byte[] b = (byte[]) r.read(r.variable("b").orElseThrow());
      for (int k = 0; k < 15; k++) assertEquals(k - 7, b[k]);
      byte[] c = (byte[]) r.read(r.variable("c").orElseThrow());
      assertEquals("abcdefghijkl", new String(c, java.nio.charset.StandardCharsets.US_ASCII));
      NcVariable s = r.variable("s").orElseThrow();
      short[] sv = (short[]) r.read(s);
      for (int k = 0; k < 15; k++) assertEquals(k * -300, sv[k]);
      assertArrayEquals(new double[] {0.5}, s.attribute("scale_factor").orElseThrow().asDoubles());
      assertArrayEquals(new double[] {-32767}, s.attribute("_FillValue").orElseThrow().asDoubles());
      assertArrayEquals(new int[] {1, -2, 2147483647, -2147483647, 0}, (int[]) r.read(r.variable("i").orElseThrow()));
      NcVariable f = r.variable("f").orElseThrow();
      float[] fv = (float[]) r.read(f);
      for (int k = 0; k < 15; k++) assertEquals(k / 8f, fv[k]);
      assertEquals("km", f.attribute("units").orElseThrow().text());
      double[] dv = (double[]) r.read(r.variable("d").orElseThrow());
      assertEquals(1e300, dv[0]);
      assertEquals(Math.PI, dv[2]);
      assertTrue(Double.isNaN(dv[4]));

      // Record variables: interleaved per record (record size 8 + 12 + 4 bytes).
      assertEquals(24, r.recordSize());
      assertArrayEquals(new double[] {10, 20, 30, 40}, (double[]) r.read(r.variable("time").orElseThrow()));
      short[] rv = (short[]) r.read(r.variable("r").orElseThrow());
      for (int k = 0; k < 20; k++) assertEquals(k, rv[k]);
      assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) r.read(r.variable("rb").orElseThrow()));
      // A hyperslab across records and inside a row.
      short[] part = (short[]) r.read(r.variable("r").orElseThrow(), new long[] {1, 2}, new int[] {3, 2});
      assertArrayEquals(new short[] {7, 8, 12, 13, 17, 18}, part);
    }
  }

  @Test
  void hyperslabsOfAFixedVariable() throws IOException {
    try (ClassicNetcdfReader r = ClassicNetcdfReader.open(FIXTURES.resolve("all_types_cdf1.nc"))) {
      NcVariable s = r.variable("s").orElseThrow();
      assertArrayEquals(new short[] {-1800, -2100, -2400, -3300, -3600, -3900},
          (short[]) r.read(s, new long[] {1, 1}, new int[] {2, 3}));
      assertArrayEquals(new short[] {-1500, -1800, -2100, -2400, -2700},
          (short[]) r.read(s, new long[] {1, 0}, new int[] {1, 5}));
      assertEquals(0, ((short[]) r.read(s, new long[] {1, 0}, new int[] {0, 5})).length);
      assertThrows(IllegalArgumentException.class, () -> r.read(s, new long[] {2, 0}, new int[] {2, 5}));
    }
  }

  /** HI_topo_04.nc as GMT wrote it: `gmt grdinfo` says classic, 181 x 85, int16 scaled by 0.001. */
  @Test
  void readsGmtClassicGridHeader() throws IOException {
    try (ClassicNetcdfReader r = ClassicNetcdfReader.open(REPO.resolve("data/bathymetry/HI_topo_04.nc"))) {
      assertEquals(1, r.version());
      NcVariable z = r.variable("z").orElseThrow();
      assertEquals(NcType.SHORT, z.type());
      assertArrayEquals(new long[] {85, 181}, r.shape(z));
      assertArrayEquals(new double[] {0.001}, z.attribute("scale_factor").orElseThrow().asDoubles());
      assertEquals("km", z.attribute("units").orElseThrow().text());
    }
  }

  @Test
  void rejectsTruncatedFilesAndOtherBytes(@TempDir Path tmp) throws IOException {
    byte[] all = Files.readAllBytes(REPO.resolve("data/bathymetry/tut_bathy.nc"));
    Path cut = tmp.resolve("cut.nc");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    NetcdfFormatException e = assertThrows(NetcdfFormatException.class, () -> ClassicNetcdfReader.open(cut));
    assertTrue(e.getMessage().startsWith("truncated: variable z"), e.getMessage());
    Path header = tmp.resolve("header.nc");
    Files.write(header, java.util.Arrays.copyOf(all, 40));
    e = assertThrows(NetcdfFormatException.class, () -> ClassicNetcdfReader.open(header));
    assertTrue(e.getMessage().startsWith("truncated header"), e.getMessage());
    Path hdf = REPO.resolve("data/bathymetry/pac_residual_topo.nc");
    e = assertThrows(NetcdfFormatException.class, () -> ClassicNetcdfReader.open(hdf));
    assertTrue(e.getMessage().contains("not a netCDF classic file"), e.getMessage());
  }

  /**
   * Found by NetcdfClassicFuzzTest: three dimensions of 2^32 - 1 make a variable of ~3e29 bytes,
   * which wrapped a long round to a small size that passed the extent check.
   */
  @Test
  void aVariableSizeBeyondSixtyFourBitsIsAFormatError(@TempDir Path tmp) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeBytes("CDF");
    out.writeByte(1);
    out.writeInt(0); // numrecs
    out.writeInt(ClassicNetcdfReader.NC_DIMENSION);
    out.writeInt(3);
    for (String d : new String[] {"a", "b", "c"}) {
      out.writeInt(1);
      out.writeBytes(d + "\0\0\0");
      out.writeInt(0xFFFFFFFF); // 2^32 - 1, unsigned
    }
    out.writeInt(0); // no global attributes
    out.writeInt(0);
    out.writeInt(ClassicNetcdfReader.NC_VARIABLE);
    out.writeInt(1);
    out.writeInt(1);
    out.writeBytes("z\0\0\0");
    out.writeInt(3);
    out.writeInt(0);
    out.writeInt(1);
    out.writeInt(2);
    out.writeInt(0); // no attributes
    out.writeInt(0);
    out.writeInt(NcType.FLOAT.code());
    out.writeInt(0xFFFFFFFF); // vsize
    out.writeInt(96); // begin
    out.write(new byte[64]);
    Path f = tmp.resolve("huge.nc");
    Files.write(f, bytes.toByteArray());
    NetcdfFormatException e = assertThrows(NetcdfFormatException.class, () -> ClassicNetcdfReader.open(f));
    assertTrue(e.getMessage().contains("overflows 64 bits"), e.getMessage());
  }
}
