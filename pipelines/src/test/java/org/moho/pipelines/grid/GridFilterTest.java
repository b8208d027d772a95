package org.moho.pipelines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.moho.core.data.GridTile;
import org.junit.jupiter.api.Test;

/** grid.filter's logic against GMT and scipy, plus invariants on random grids. */
class GridFilterTest {
  private static final String REF = "pipelines/src/test/resources/reference/";

  private static List<GridTile> filterAll(GridFilterConfig c, List<GridTile> tiles) {
    List<GridTile> out = new ArrayList<>();
    java.util.Map<Double, RadialKernel> cache = new HashMap<>();
    for (GridTile t : tiles) out.add(GridFilter.apply(c, t, cache));
    return out;
  }

  /**
   * Reference: gmt grdfilter tut_bathy.nc -Fg100 -D3 -Nr (GMT 6.4.0; see make_reference.sh), every
   * 7th node including the grid's edges (GMT weighs nodes by cell area, as we do in km mode).
   */
  @Test
  void gaussianInKmMatchesGmtGrdfilterD3() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    GridFilterConfig c = new GridFilterConfig(100, WidthUnits.KM, FilterShape.GAUSSIAN, FilterPass.LOW, 2);
    float[] ours = AsciiGrids.stitch(g, filterAll(c, AsciiGrids.tiles(g, 20, 8)));
    int compared = 0;
    int edge = 0;
    double worst = 0;
    for (String line : Files.readAllLines(AsciiGrids.repo(REF + "gmt_grdfilter_tut_bathy_Fg100_D3.xyz"))) {
      String[] p = line.trim().split("\\s+");
      int i = (int) Math.round((Double.parseDouble(p[0]) - g.x0()) / g.d());
      int j = (int) Math.round((Double.parseDouble(p[1]) - g.y0()) / g.d());
      if (i < 7 || j < 6 || i >= g.nx() - 7 || j >= g.ny() - 6) edge++;
      double diff = Math.abs(ours[j * g.nx() + i] - Double.parseDouble(p[2]));
      worst = Math.max(worst, diff);
      compared++;
    }
    assertTrue(compared > 600 && edge > 150, "compared " + compared + ", near an edge " + edge);
    // Depths are ~ -5000 m and GMT writes float32 (resolution ~0.0005 m there). Without the area
    // weights the worst difference is 1.7 m; with sigma = width/4 it is tens of metres.
    assertTrue(worst < 0.01, "worst difference from GMT " + worst + " m");
  }

  /**
   * Reference: scipy.ndimage normalised convolution (normconv_reference.py): width 7 nodes,
   * nodes shallower than -1000 m masked; covers the grid's edges and the holes.
   */
  @Test
  void normalisedConvolutionMatchesScipyAtEdgesAndHoles() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    float[] masked = g.values().clone();
    for (int k = 0; k < masked.length; k++) if (masked[k] > -1000) masked[k] = Float.NaN;
    AsciiGrids.Grid m = AsciiGrids.withValues(g, masked);
    GridFilterConfig c = new GridFilterConfig(7, WidthUnits.NODES, FilterShape.GAUSSIAN, FilterPass.LOW, 2);
    float[] ours = AsciiGrids.stitch(m, filterAll(c, AsciiGrids.tiles(m, 16, 3)));
    int nan = 0;
    int compared = 0;
    for (String line : Files.readAllLines(AsciiGrids.repo(REF + "scipy_normconv_tut_bathy_g7nodes_mask1000.xyz"))) {
      String[] p = line.trim().split("\\s+");
      float v = ours[Integer.parseInt(p[1]) * g.nx() + Integer.parseInt(p[0])];
      if (p[2].equals("NaN")) {
        assertTrue(Float.isNaN(v), "NaN must stay NaN at " + line);
        nan++;
      } else {
        assertEquals(Double.parseDouble(p[2]), v, 0.01, line);
        compared++;
      }
    }
    assertTrue(nan > 0 && compared > 800, nan + " NaN, " + compared + " values");
  }

  /** Property: a constant grid, with random holes, filters to the same constant (any shape/width/tiling). */
  @Test
  void filterOfConstantGridIsConstant() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 12; trial++) {
      int nx = 20 + rnd.nextInt(30);
      int ny = 20 + rnd.nextInt(30);
      float value = (float) (rnd.nextGaussian() * 3000);
      float[] v = new float[nx * ny];
      for (int k = 0; k < v.length; k++) v[k] = rnd.nextDouble() < 0.1 ? Float.NaN : value;
      double lat0 = -70 + rnd.nextDouble() * 120;
      AsciiGrids.Grid g = new AsciiGrids.Grid("const", org.moho.core.data.Registration.GRIDLINE, nx, ny, 150, lat0, 1 / 12.0, v);
      boolean km = rnd.nextBoolean();
      FilterShape shape = rnd.nextBoolean() ? FilterShape.GAUSSIAN : FilterShape.BUTTERWORTH;
      double width = km ? 20 + rnd.nextDouble() * 30 : 3 + rnd.nextDouble() * 5;
      GridFilterConfig c = new GridFilterConfig(width, km ? WidthUnits.KM : WidthUnits.NODES, shape, FilterPass.LOW, 1 + rnd.nextInt(4));
      float[] out = AsciiGrids.stitch(g, filterAll(c, AsciiGrids.tiles(g, 8 + rnd.nextInt(10), 12)));
      for (int k = 0; k < v.length; k++) {
        if (Float.isNaN(v[k])) {
          assertTrue(Float.isNaN(out[k]), "NaN stays NaN");
        } else {
          assertEquals(value, out[k], Math.abs(value) * 1e-5 + 1e-3, c + " trial " + trial);
        }
      }
    }
  }

  /** Property: high-pass + low-pass = original at every valid node, on random and real grids. */
  @Test
  void highPassPlusLowPassIsOriginal() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    for (FilterShape shape : FilterShape.values()) {
      GridFilterConfig low = new GridFilterConfig(60, WidthUnits.KM, shape, FilterPass.LOW, 2);
      GridFilterConfig high = new GridFilterConfig(60, WidthUnits.KM, shape, FilterPass.HIGH, 2);
      List<GridTile> tiles = AsciiGrids.tiles(g, 150, 12);
      float[] lo = AsciiGrids.stitch(g, filterAll(low, tiles));
      float[] hi = AsciiGrids.stitch(g, filterAll(high, tiles));
      int valid = 0;
      for (int k = 0; k < lo.length; k++) {
        if (Float.isNaN(g.values()[k])) {
          assertTrue(Float.isNaN(lo[k]) && Float.isNaN(hi[k]));
          continue;
        }
        assertEquals(g.values()[k], lo[k] + hi[k], 1e-3, "node " + k);
        valid++;
      }
      assertTrue(valid > 200_000);
    }
  }

  /**
   * The Butterworth's response, measured on sinusoids (nodes units, order 2): about 1/sqrt(2)
   * at the cutoff wavelength, close to 1 at four times it, about 1/sqrt(17) = 0.24 at half of it.
   */
  @Test
  void butterworthResponseAtCutoff() {
    double width = 16;
    assertEquals(1 / Math.sqrt(2), amplitude(width, width), 0.06);
    assertEquals(1.0, amplitude(width, 4 * width), 0.05);
    assertEquals(1 / Math.sqrt(17), amplitude(width, width / 2), 0.06);
  }

  private static double amplitude(double width, double wavelength) {
    int n = 40;
    int halo = 17;
    AsciiGrids.Grid g = sinusoid(n + 2 * halo, wavelength);
    GridTile t = AsciiGrids.tile(g, halo, halo, n, n, halo);
    GridTile out = GridFilter.apply(new GridFilterConfig(width, WidthUnits.NODES, FilterShape.BUTTERWORTH, FilterPass.LOW, 2), t, new HashMap<>());
    double max = 0;
    for (int j = out.halo(); j < out.ny() - out.halo(); j++) {
      for (int i = out.halo(); i < out.nx() - out.halo(); i++) max = Math.max(max, Math.abs(out.at(i, j)));
    }
    return max;
  }

  private static AsciiGrids.Grid sinusoid(int n, double wavelength) {
    float[] v = new float[n * n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) v[j * n + i] = (float) Math.cos(2 * Math.PI * i / wavelength);
    }
    return new AsciiGrids.Grid("sin", org.moho.core.data.Registration.GRIDLINE, n, n, 0, 0, 1, v);
  }

  @Test
  void filterWiderThanHaloIsRefusedNamingHalo() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    GridTile t = AsciiGrids.tiles(g, 20, 4).get(0);
    GridFilterConfig c = new GridFilterConfig(100, WidthUnits.KM, FilterShape.GAUSSIAN, FilterPass.LOW, 2);
    HaloTooSmallException e = assertThrows(HaloTooSmallException.class, () -> GridFilter.apply(c, t, new HashMap<>()));
    assertTrue(e.getMessage().contains("halo of at least 6") && e.getMessage().contains("`halo`"), e.getMessage());
  }
}
