package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.Registration;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.StageRegistry;
import org.moho.io.netcdf.ClassicNetcdfWriter;
import org.moho.io.netcdf.NcAttribute;
import org.moho.io.netcdf.NcDimension;
import org.moho.io.netcdf.NcType;

/** CF conventions beyond the bundled files, config validation, and stage registration. */
class GridConventionsTest {

  /** A 4 x 3 grid with the attributes given, short values packed with scale/offset and fills. */
  private static Path write(Path file, List<NcAttribute> xAtts, List<NcAttribute> global, List<NcAttribute> zAtts) throws IOException {
    ClassicNetcdfWriter w = new ClassicNetcdfWriter();
    NcDimension y = w.addDimension("y", 3);
    NcDimension x = w.addDimension("x", 4);
    global.forEach(w::addGlobalAttribute);
    w.addVariable("x", NcType.DOUBLE, List.of(x), xAtts);
    w.addVariable("y", NcType.DOUBLE, List.of(y), List.of());
    w.addVariable("elev", NcType.SHORT, List.of(y, x), zAtts);
    try (OutputStream out = Files.newOutputStream(file)) {
      ClassicNetcdfWriter.Data d = w.start(out);
      d.write("x", new double[] {10.5, 11.5, 12.5, 13.5});
      d.write("y", new double[] {-2.5, -1.5, -0.5});
      d.write("elev", new short[] {1, 2, 3, -999, 5, 6, 7, 8, 9, 10, -32768, 12});
      d.finish();
    }
    return file;
  }

  @Test
  void packedValuesFillValuesAndRegistrationFromActualRange(@TempDir Path tmp) throws IOException {
    List<NcAttribute> z = List.of(NcAttribute.doubles("scale_factor", 0.5), NcAttribute.doubles("add_offset", 100),
        NcAttribute.shorts("_FillValue", (short) -32768), NcAttribute.shorts("missing_value", (short) -999),
        NcAttribute.text("units", "m"));
    // actual_range half a spacing outside the coordinates and no node_offset: pixel (GMT's rule).
    Path pixel = write(tmp.resolve("p.nc"), List.of(NcAttribute.doubles("actual_range", 10, 14)), List.of(), z);
    try (GridFile f = GridFormat.AUTO.open(pixel, null)) {
      GridHeader h = f.header();
      assertEquals(Registration.PIXEL, h.registration());
      assertEquals(10, h.west(), 1e-12);
      assertEquals(14, h.east(), 1e-12);
      assertEquals(-3, h.south(), 1e-12);
      assertEquals(0, h.north(), 1e-12);
      float[] v = f.readRows(0, 3);
      assertEquals(100.5f, v[0]);
      assertTrue(Float.isNaN(v[3]), "missing_value");
      assertTrue(Float.isNaN(v[10]), "_FillValue");
      assertEquals(106f, v[11]);
    }
    // actual_range on the coordinates: gridline; node_offset overrides it.
    Path grid = write(tmp.resolve("g.nc"), List.of(NcAttribute.doubles("actual_range", 10.5, 13.5)), List.of(), z);
    try (GridFile f = GridFormat.AUTO.open(grid, null)) {
      assertEquals(Registration.GRIDLINE, f.header().registration());
      assertEquals(10.5, f.header().west(), 1e-12);
    }
    Path flagged = write(tmp.resolve("n.nc"), List.of(), List.of(NcAttribute.ints("node_offset", 1)), z);
    try (GridFile f = GridFormat.AUTO.open(flagged, null)) {
      assertEquals(Registration.PIXEL, f.header().registration());
    }
    // units the stage cannot convert
    Path gal = write(tmp.resolve("u.nc"), List.of(), List.of(), List.of(NcAttribute.text("units", "mGal")));
    IOException e = assertThrows(IOException.class, () -> AdjustedGridFile.of(GridFormat.AUTO.open(gal, null), "keep", ZUnits.M));
    assertEquals("cannot convert units 'mGal' to m", e.getMessage());
  }

  /** ESRI rows may wrap over lines (or share one); a short file is refused with the counts. */
  @Test
  void esriRowsThatWrapAndFilesThatEndEarly(@TempDir Path tmp) throws IOException {
    Path wrapped = tmp.resolve("w.asc");
    Files.writeString(wrapped, "NCOLS 3\nNROWS 2\nXLLCORNER 0\nYLLCORNER 10\nCELLSIZE 0.5\nNODATA_VALUE -9\n1 2\n3 4 -9 nan\n");
    try (GridFile f = GridFormat.AUTO.open(wrapped, null)) {
      assertEquals(Registration.PIXEL, f.header().registration());
      assertEquals(0.25, f.header().x0(), 1e-12);
      assertEquals(10.25, f.header().y0(), 1e-12);
      float[] south = f.readRows(0, 1); // the file's last row
      assertEquals(4f, south[0]);
      assertTrue(Float.isNaN(south[1]) && Float.isNaN(south[2]));
      assertEquals(List.of(1f, 2f, 3f), List.of(f.readRows(1, 1)[0], f.readRows(1, 1)[1], f.readRows(1, 1)[2]));
    }
    Path cut = tmp.resolve("c.asc");
    Files.writeString(cut, "ncols 3\nnrows 2\nxllcenter 0\nyllcenter 10\ncellsize 0.5\n1 2 3\n4\n");
    IOException e = assertThrows(IOException.class, () -> GridFormat.AUTO.open(cut, null));
    assertEquals("ESRI grid of 3 x 2 should hold 6 values but has 4 (truncated?)", e.getMessage());
  }

  @Test
  void configIsValidatedAtItsKeys() {
    Path p = Path.of("x.nc");
    assertEquals("tile_size", assertThrows(ConfigException.class,
        () -> new GridReadConfig(p, GridFormat.AUTO, null, 0, 0, "keep", ZUnits.KEEP)).key());
    assertEquals("halo", assertThrows(ConfigException.class,
        () -> new GridReadConfig(p, GridFormat.AUTO, null, 16, -1, "keep", ZUnits.KEEP)).key());
    assertEquals("longitudes", assertThrows(ConfigException.class,
        () -> new GridReadConfig(p, GridFormat.AUTO, null, 16, 2, "east", ZUnits.KEEP)).key());
    assertEquals("format", assertThrows(ConfigException.class,
        () -> new GridWriteConfig(p, GridFormat.XYZ, "t")).key());
    assertEquals("/out/pac_residual_topo.asc", GridWriteConfig.destination("/out/{name}.asc", "/data/pac_residual_topo.nc"));
    assertEquals(GridFormat.ESRI, GridWriteConfig.formatOf(GridFormat.AUTO, "/out/a.asc"));
    assertEquals(GridFormat.NETCDF, GridWriteConfig.formatOf(GridFormat.AUTO, "/out/a.grd"));
  }

  @Test
  void stagesAreDiscoveredByServiceLoader() {
    StageRegistry r = StageRegistry.discover(getClass().getClassLoader());
    assertTrue(r.find("grid.read").orElseThrow() instanceof GridRead);
    assertTrue(r.find("grid.write").orElseThrow() instanceof GridWrite);
    assertTrue(r.find("catalog.read").isPresent());
  }
}
