package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moho.core.data.GridTile;
import org.moho.io.netcdf.ClassicNetcdfWriter;
import org.moho.io.netcdf.NcAttribute;
import org.moho.io.netcdf.NcDimension;
import org.moho.io.netcdf.NcType;

class GridTilerTest {
  private static final Path DATA = GmtReference.REPO.resolve("data/bathymetry");

  /** Interiors cover every node once; halo nodes hold the neighbours' values, NaN off the grid. */
  @Test
  void tilesOfPacResidualTopoCoverEveryNodeOnceWithHalo() throws IOException {
    try (GridFile f = GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null)) {
      GridHeader h = f.header();
      float[] all = f.readRows(0, h.ny());
      GridTiler tiler = new GridTiler(f, 128, 7);
      assertEquals(4, tiler.bands()); // 456 rows
      assertEquals(5, tiler.tilesPerBand()); // 600 columns
      int[] covered = new int[h.nx() * h.ny()];
      int tiles = 0;
      for (int b = 0; b < tiler.bands(); b++) {
        for (GridTile t : tiler.band(b)) {
          tiles++;
          assertEquals(7, t.halo());
          for (int j = 0; j < t.ny(); j++) {
            for (int i = 0; i < t.nx(); i++) {
              int gi = t.col0() + i;
              int gj = t.row0() + j;
              boolean inside = gi >= 0 && gi < h.nx() && gj >= 0 && gj < h.ny();
              if (t.interior(i, j)) covered[gj * h.nx() + gi]++;
              if (!inside) {
                assertTrue(Float.isNaN(t.at(i, j)));
              } else {
                assertEquals(all[gj * h.nx() + gi], t.at(i, j), 0f);
                assertEquals(h.x(gi), t.x(i), 1e-9);
                assertEquals(h.y(gj), t.y(j), 1e-9);
              }
            }
          }
        }
      }
      assertEquals(20, tiles);
      for (int c : covered) assertEquals(1, c);
    }
  }

  /** A netCDF grid stored north→south reads the same as the original stored south→north. */
  @Test
  void yDescendingFileReadsSouthToNorth(@TempDir Path tmp) throws IOException {
    try (GridFile f = GridFormat.AUTO.open(DATA.resolve("HI_topo_04.nc"), null)) {
      GridHeader h = f.header();
      float[] all = f.readRows(0, h.ny());
      Path flipped = tmp.resolve("flipped.nc");
      ClassicNetcdfWriter w = new ClassicNetcdfWriter();
      NcDimension y = w.addDimension("lat", h.ny());
      NcDimension x = w.addDimension("lon", h.nx());
      w.addVariable("lat", NcType.DOUBLE, List.of(y), List.of());
      w.addVariable("lon", NcType.DOUBLE, List.of(x), List.of());
      w.addVariable("elevation", NcType.FLOAT, List.of(y, x), List.of(NcAttribute.text("units", "km")));
      double[] lats = new double[h.ny()];
      for (int j = 0; j < h.ny(); j++) lats[j] = h.y(h.ny() - 1 - j);
      double[] lons = new double[h.nx()];
      for (int i = 0; i < h.nx(); i++) lons[i] = h.x(i);
      try (OutputStream out = Files.newOutputStream(flipped)) {
        ClassicNetcdfWriter.Data d = w.start(out);
        d.write("lat", lats);
        d.write("lon", lons);
        for (int j = h.ny() - 1; j >= 0; j--) {
          d.write("elevation", java.util.Arrays.copyOfRange(all, j * h.nx(), (j + 1) * h.nx()));
        }
        d.finish();
      }
      try (GridFile g = GridFormat.AUTO.open(flipped, null)) {
        assertEquals(h.y0(), g.header().y0(), 1e-9);
        assertEquals(h.dy(), g.header().dy(), 1e-12);
        assertEquals("km", g.header().units());
        float[] back = g.readRows(0, h.ny());
        assertEquals(java.util.Arrays.toString(all), java.util.Arrays.toString(back));
        // and a band in the middle
        float[] band = g.readRows(30, 5);
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(all, 30 * h.nx(), 35 * h.nx())), java.util.Arrays.toString(band));
      }
    }
  }

  /** XYZ written by `gmt grd2xyz tut_bathy.nc` reads as the same grid as the netCDF. */
  @Test
  void xyzFromGmtMatchesNetcdf() throws IOException {
    try (GridFile nc = GridFormat.AUTO.open(DATA.resolve("tut_bathy.nc"), null);
        GridFile xyz = GridFormat.AUTO.open(GmtReference.DIR.resolve("tut_bathy.xyz"), null)) {
      GridHeader a = nc.header();
      GridHeader b = xyz.header();
      assertEquals(a.nx(), b.nx());
      assertEquals(a.ny(), b.ny());
      assertEquals(a.x0(), b.x0(), 1e-8);
      assertEquals(a.y0(), b.y0(), 1e-8);
      assertEquals(a.dx(), b.dx(), 1e-9);
      assertEquals(a.registration(), b.registration());
      assertEquals(java.util.Arrays.toString(nc.readRows(0, a.ny())), java.util.Arrays.toString(xyz.readRows(0, b.ny())));
      assertEquals(java.util.Arrays.toString(nc.readRows(17, 9)), java.util.Arrays.toString(xyz.readRows(17, 9)));
    }
  }

  /** HI_topo_04 is in km (units attribute "km"): units m multiplies by exactly 1000. */
  @Test
  void unitsConvertKmToMetresAndBack() throws IOException {
    try (GridFile km = GridFormat.AUTO.open(DATA.resolve("HI_topo_04.nc"), null);
        AdjustedGridFile m = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("HI_topo_04.nc"), null), "keep", ZUnits.M)) {
      assertEquals("km", km.header().units());
      assertEquals("m", m.header().units());
      float[] a = km.readRows(0, 85);
      float[] b = m.readRows(0, 85);
      // grd2xyz: first node (195 E, 25 N) is -5.001 km, last (210 E, 18 N) -5.599 km.
      assertEquals(-5001f, b[84 * 181]);
      assertEquals(-5599f, b[180]);
      for (int k = 0; k < a.length; k++) assertEquals(Math.round(a[k] * 1000.0), b[k], 0f);
    }
    try (AdjustedGridFile km = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("tut_bathy.nc"), null), "keep", ZUnits.KM)) {
      assertEquals("km", km.header().units());
      assertEquals(-4.984f, km.readRows(60, 1)[0]); // grd2xyz: -66 35 -4984 (m)
    }
  }

  @Test
  void longitudesMoveWholeGridsAndLeaveStraddlingOnes() throws IOException {
    try (AdjustedGridFile t = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("tut_bathy.nc"), null), "360", ZUnits.KEEP)) {
      assertEquals(294, t.header().west(), 1e-9);
      assertEquals(300, t.header().east(), 1e-9);
    }
    try (AdjustedGridFile t = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("HI_topo_04.nc"), null), "180", ZUnits.KEEP)) {
      assertEquals(-165, t.header().west(), 1e-9);
      assertEquals(-150, t.header().east(), 1e-9);
    }
    try (AdjustedGridFile t = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null), "180", ZUnits.KEEP)) {
      assertTrue(t.straddles());
      assertEquals(160, t.header().west(), 1e-9);
    }
    try (AdjustedGridFile t = AdjustedGridFile.of(GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null), "360", ZUnits.KEEP)) {
      assertEquals(160, t.header().west(), 1e-9);
      assertTrue(!t.straddles());
    }
  }
}
