package org.moho.io.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.moho.core.data.Registration;

/**
 * Every grid in data/bathymetry, netCDF-4, netCDF-3 and ESRI ASCII, against what `gmt grdinfo`
 * and `gmt grd2xyz` report for the .nc (io/src/test/resources/gmt): sizes, bounds, spacing,
 * registration, z range, mean and standard deviation, non-NaN count and sample nodes.
 */
class GridFilesTest {
  static java.util.stream.Stream<String> files() {
    return GmtReference.GRIDS.stream().flatMap(g -> java.util.stream.Stream.of(g + ".nc", g + ".asc"));
  }

  @ParameterizedTest
  @MethodSource("files")
  void agreesWithGmt(String file) throws IOException {
    String grid = file.substring(0, file.lastIndexOf('.'));
    GmtReference ref = GmtReference.of(grid);
    Path path = GmtReference.REPO.resolve("data/bathymetry").resolve(file);
    try (GridFile f = GridFormat.AUTO.open(path, null)) {
      GridHeader h = f.header();
      assertEquals(ref.nx(), h.nx());
      assertEquals(ref.ny(), h.ny());
      assertEquals(ref.registration() == 1 ? Registration.PIXEL : Registration.GRIDLINE, h.registration());
      double eps = 1e-8;
      assertEquals(ref.west(), h.west(), eps);
      assertEquals(ref.east(), h.east(), eps);
      assertEquals(ref.south(), h.south(), eps);
      assertEquals(ref.north(), h.north(), eps);
      assertEquals(ref.dx(), h.dx(), 1e-12);
      assertEquals(ref.dy(), h.dy(), 1e-12);

      float[] all = f.readRows(0, h.ny());
      double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sum2 = 0;
      long n = 0;
      for (float v : all) {
        if (Float.isNaN(v)) continue;
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
        n++;
      }
      double mean = sum / n;
      for (float v : all) if (!Float.isNaN(v)) sum2 += (v - mean) * (v - mean);
      assertEquals(ref.nonNaN(), n);
      assertEquals(ref.zMin(), min, 1e-6);
      assertEquals(ref.zMax(), max, 1e-6);
      // Plain (-fc) statistics; GMT sums differently (to float precision), hence 1e-6.
      assertEquals(ref.mean(), mean, Math.abs(ref.mean()) * 1e-6);
      assertEquals(ref.stdev(), Math.sqrt(sum2 / (n - 1)), ref.stdev() * 1e-6);
      for (var samples : java.util.List.of(ref.samples(), ref.nonNaNSamples())) {
        for (double[] s : samples) {
          int i = (int) Math.round((s[0] - h.x0()) / h.dx());
          int j = (int) Math.round((s[1] - h.y0()) / h.dy());
          assertEquals(s[0], h.x(i), 1e-8);
          assertEquals(s[1], h.y(j), 1e-8);
          float v = all[j * h.nx() + i];
          if (Double.isNaN(s[2])) assertTrue(Float.isNaN(v), file + " at " + s[0] + "," + s[1] + " = " + v);
          // GMT unpacks int16 x 0.001 in float arithmetic (-5001 * 0.001f = -5.0010004); we round
          // the exact -5.001 to the nearest float (-5.0009999): they may differ by one float ulp.
          else assertEquals(s[2], v, 2 * Math.ulp((float) s[2]), file + " at " + s[0] + "," + s[1]);
        }
      }
    }
  }

  /** The ESRI copies hold the same values as their netCDF originals, node for node. */
  @ParameterizedTest
  @MethodSource("org.moho.io.grid.GmtReference#grids")
  void esriCopiesAgreeWithNetcdf(String grid) throws IOException {
    Path dir = GmtReference.REPO.resolve("data/bathymetry");
    try (GridFile nc = GridFormat.AUTO.open(dir.resolve(grid + ".nc"), null);
        GridFile asc = GridFormat.AUTO.open(dir.resolve(grid + ".asc"), null)) {
      GridHeader a0 = nc.header();
      GridHeader b0 = asc.header();
      assertEquals(a0.nx(), b0.nx());
      assertEquals(a0.ny(), b0.ny());
      assertEquals(a0.registration(), b0.registration());
      // The ESRI header prints 12 significant digits.
      assertEquals(a0.x0(), b0.x0(), 1e-8);
      assertEquals(a0.y0(), b0.y0(), 1e-8);
      assertEquals(a0.dx(), b0.dx(), 1e-12);
      assertEquals(a0.dy(), b0.dy(), 1e-12);
      float[] a = nc.readRows(0, nc.header().ny());
      float[] b = asc.readRows(0, asc.header().ny());
      for (int k = 0; k < a.length; k++) {
        if (Float.isNaN(a[k])) assertTrue(Float.isNaN(b[k]));
        else assertEquals(a[k], b[k], 0f, grid + " node " + k);
      }
    }
  }
}
