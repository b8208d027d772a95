package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.moho.core.data.GridTile;

/** Writing grids: round trips through netCDF-3 and ESRI, and GMT's verdict on what we write. */
class GridWriteTest {
  private static final Path DATA = GmtReference.REPO.resolve("data/bathymetry");

  /** read → write (netCDF-3 and ESRI) → read gives the same grid, node for node, bit for bit. */
  @ParameterizedTest
  @MethodSource("org.moho.io.grid.GmtReference#grids")
  void roundTripIsIdentical(String grid, @TempDir Path tmp) throws IOException {
    try (GridFile original = GridFormat.AUTO.open(DATA.resolve(grid + ".nc"), null)) {
      GridHeader h = original.header();
      float[] values = original.readRows(0, h.ny());
      for (GridFormat format : List.of(GridFormat.NETCDF, GridFormat.ESRI)) {
        Path out = tmp.resolve(grid + (format == GridFormat.ESRI ? ".asc" : ".nc"));
        GridWrite.write(original, out, format, "round trip");
        try (GridFile back = GridFormat.AUTO.open(out, null)) {
          GridHeader b = back.header();
          assertEquals(h.nx(), b.nx());
          assertEquals(h.ny(), b.ny());
          assertEquals(h.registration(), b.registration());
          assertEquals(h.x0(), b.x0(), 1e-12);
          assertEquals(h.y0(), b.y0(), 1e-12);
          assertEquals(h.dx(), b.dx(), 1e-14);
          // ESRI has one cellsize for both axes: dy may come back as dx (they differ by < 1e-9 dx).
          assertEquals(h.dy(), b.dy(), format == GridFormat.ESRI ? 1e-9 * h.dy() : 1e-14);
          if (format == GridFormat.NETCDF) assertEquals(h.units(), b.units());
          float[] again = back.readRows(0, b.ny());
          assertTrue(Arrays.equals(values, again), grid + " via " + format);
        }
      }
    }
  }

  /** Tiles put back together (from any tile size and halo) are the grid they came from. */
  @Test
  void tilesAssembleIntoTheirGrid(@TempDir Path tmp) throws IOException {
    try (GridFile f = GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null)) {
      GridTiler tiler = new GridTiler(f, 100, 6);
      List<GridTile> tiles = new ArrayList<>();
      for (int b = tiler.bands() - 1; b >= 0; b--) tiles.addAll(tiler.band(b)); // any order
      java.util.Collections.reverse(tiles.subList(0, 12));
      TileAssembly whole = new TileAssembly(tiles);
      assertEquals(f.header().x0(), whole.header().x0(), 1e-12);
      assertEquals(f.header().y0(), whole.header().y0(), 1e-12);
      assertTrue(Arrays.equals(f.readRows(0, 456), whole.readRows(0, 456)));
      assertTrue(Arrays.equals(f.readRows(123, 45), whole.readRows(123, 45)));

      TileAssembly missing = new TileAssembly(tiles.subList(1, tiles.size()));
      IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> missing.readRows(0, 456));
      assertTrue(e.getMessage().startsWith("no tile covers node"), e.getMessage());
      List<GridTile> twice = new ArrayList<>(tiles);
      twice.add(tiles.get(3));
      e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new TileAssembly(twice).readRows(0, 456));
      assertTrue(e.getMessage().contains("more than one tile"), e.getMessage());
    }
  }

  /**
   * `gmt grdinfo -C` on our netCDF-3 copies prints what it prints for the originals
   * (io/src/test/resources/gmt/*.grdinfo.txt), so GMT accepts them. Runs where gmt is installed
   * (CI installs it).
   */
  @Test
  void gmtReadsOurNetcdf(@TempDir Path tmp) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("gmt"), "gmt is not on the PATH");
    for (String grid : GmtReference.GRIDS) {
      Path out = tmp.resolve(grid + ".nc");
      try (GridFile f = GridFormat.AUTO.open(DATA.resolve(grid + ".nc"), null)) {
        GridWrite.write(f, out, GridFormat.NETCDF, grid);
      }
      Process p = new ProcessBuilder("gmt", "grdinfo", "-C", out.getFileName().toString())
          .directory(tmp.toFile()).redirectErrorStream(true).start();
      String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), printed);
      String[] expected = Files.readString(GmtReference.DIR.resolve(grid + ".grdinfo.txt")).trim().split("\t");
      String[] got = printed.split("\t");
      assertEquals(expected.length, got.length, printed);
      for (int i = 0; i < got.length; i++) {
        if (i == 5 || i == 6) {
          // z range: we store float, so GMT prints the float nearest the original's int16 x 0.001.
          double e = Double.parseDouble(expected[i]);
          assertEquals(e, Double.parseDouble(got[i]), 2 * Math.ulp((float) e), grid + " column " + i);
        } else {
          assertEquals(expected[i], got[i], grid + " column " + i + " of " + printed);
        }
      }
    }
  }

  /** `gmt grdimage` draws our pixel-registered copy of pac_residual_topo into a PNG. */
  @Test
  void gmtDrawsOurNetcdf(@TempDir Path tmp) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("gmt"), "gmt is not on the PATH");
    // GMT writes PostScript and converts it to PNG with Ghostscript (psconvert); Debian's gmt
    // package does not depend on it, so a machine can have gmt and still draw no PNG
    Assumptions.assumeTrue(onPath("gs"), "Ghostscript (gs), which gmt needs for PNG output, is not on the PATH");
    try (GridFile f = GridFormat.AUTO.open(DATA.resolve("pac_residual_topo.nc"), null)) {
      GridWrite.write(f, tmp.resolve("pac.nc"), GridFormat.NETCDF, "pac");
    }
    Process p = new ProcessBuilder("sh", "-c", "gmt begin map png && gmt grdimage pac.nc -JM10c -Baf && gmt end")
        .directory(tmp.toFile()).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), printed);
    assertTrue(Files.size(tmp.resolve("map.png")) > 10_000, printed);
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }
}
