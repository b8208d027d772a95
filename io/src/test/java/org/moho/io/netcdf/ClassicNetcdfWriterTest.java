package org.moho.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassicNetcdfWriterTest {

  /** Every type and attribute written by our writer reads back identically, in CDF-1 and CDF-2. */
  @Test
  void roundTripsEveryType(@TempDir Path tmp) throws IOException {
    for (int version : new int[] {1, 2}) {
      Path file = tmp.resolve("v" + version + ".nc");
      ClassicNetcdfWriter w = new ClassicNetcdfWriter().version(version);
      NcDimension y = w.addDimension("y", 2);
      NcDimension x = w.addDimension("x", 3);
      w.addGlobalAttribute(NcAttribute.text("title", "odd length"));
      w.addGlobalAttribute(NcAttribute.shorts("s", (short) -2, (short) 7, (short) 9));
      w.addVariable("b", NcType.BYTE, List.of(x), List.of(NcAttribute.bytes("flag", (byte) 1)));
      w.addVariable("s", NcType.SHORT, List.of(y, x), List.of(NcAttribute.doubles("scale_factor", 0.25)));
      w.addVariable("i", NcType.INT, List.of(y), List.of());
      w.addVariable("f", NcType.FLOAT, List.of(y, x), List.of(NcAttribute.floats("_FillValue", Float.NaN)));
      w.addVariable("d", NcType.DOUBLE, List.of(x), List.of(NcAttribute.text("units", "m")));
      try (OutputStream out = Files.newOutputStream(file)) {
        ClassicNetcdfWriter.Data data = w.start(out);
        data.write("b", new byte[] {-1, 0, 1});
        data.write("s", new short[] {1, 2, 3});
        data.write("s", new short[] {4, 5, 6}); // in two pieces
        data.write("i", new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
        data.write("f", new float[] {0.5f, Float.NaN, -1e30f, 3, 4, 5});
        data.write("d", new double[] {Math.E, -0.0, 1e-300});
        data.finish();
      }
      assertEquals(0, Files.size(file) % 4);
      try (ClassicNetcdfReader r = ClassicNetcdfReader.open(file)) {
        assertEquals(version, r.version());
        assertEquals("odd length", r.globalAttribute("title").orElseThrow().text());
        assertArrayEquals(new short[] {-2, 7, 9}, (short[]) r.globalAttribute("s").orElseThrow().values());
        assertArrayEquals(new byte[] {-1, 0, 1}, (byte[]) r.read(r.variable("b").orElseThrow()));
        assertArrayEquals(new short[] {1, 2, 3, 4, 5, 6}, (short[]) r.read(r.variable("s").orElseThrow()));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, (int[]) r.read(r.variable("i").orElseThrow()));
        assertArrayEquals(new float[] {0.5f, Float.NaN, -1e30f, 3, 4, 5}, (float[]) r.read(r.variable("f").orElseThrow()));
        assertArrayEquals(new double[] {Math.E, -0.0, 1e-300}, (double[]) r.read(r.variable("d").orElseThrow()));
        assertEquals("m", r.variable("d").orElseThrow().attribute("units").orElseThrow().text());
      }
    }
  }

  @Test
  void refusesOutOfOrderOrIncompleteData(@TempDir Path tmp) throws IOException {
    ClassicNetcdfWriter w = new ClassicNetcdfWriter();
    NcDimension x = w.addDimension("x", 2);
    w.addVariable("a", NcType.INT, List.of(x), List.of());
    w.addVariable("b", NcType.INT, List.of(x), List.of());
    try (OutputStream out = Files.newOutputStream(tmp.resolve("o.nc"))) {
      ClassicNetcdfWriter.Data data = w.start(out);
      assertThrows(IllegalStateException.class, () -> data.write("b", new int[] {1, 2}));
      data.write("a", new int[] {1, 2});
      assertThrows(IllegalStateException.class, data::finish);
      assertThrows(IllegalArgumentException.class, () -> data.write("b", new float[] {1, 2}));
    }
    assertThrows(IllegalArgumentException.class, () -> w.addDimension("t", 0));
  }
}
