package org.moho.pipelines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moho.core.data.GridTile;
import org.moho.core.data.Patch;
import org.moho.core.data.Registration;

/** The pure patch logic of grid.patches: geometry, resampling, detrending, scaling, halo. */
class PatchCutterTest {

  static PatchConfig config(int size, Double sizeKm, int stride, Detrend d, PatchScaling s, Double land) {
    return new PatchConfig(size, sizeKm, stride, d, s, 30, 60, land, "lon", "lat", 0, 50, 7);
  }

  /** All patches of a tile in grid mode (as StrideFn does), counting skips. */
  static List<Patch> cutAll(PatchConfig c, GridTile t, Map<PatchCutter.Skip, Integer> skips) {
    PatchCutter cutter = new PatchCutter(c);
    PatchCutter.Prepared p = cutter.prepare(t);
    List<Patch> out = new java.util.ArrayList<>();
    for (int j = t.halo(); j < t.ny() - t.halo(); j++) {
      for (int i = t.halo(); i < t.nx() - t.halo(); i++) {
        int gi = t.col0() + i;
        int gj = t.row0() + j;
        if (gi % c.stride() != 0 || gj % c.stride() != 0) continue;
        PatchCutter.Cut cut = cutter.cut(p, gi, gj, t.source() + "[" + gi + "," + gj + "]", Map.of());
        if (cut.patch() != null) out.add(cut.patch());
        else skips.merge(cut.skip(), 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * Bilinear resampling is exact for a plane, so on z = 3*lon + 5*lat (lon, lat in degrees) every
   * sample must equal 3*lon_s + 5*lat_s at the place the geometry promises: samples size_km/N apart,
   * a longitude step of (size_km/N) / (111.195 km * cos(lat of the row)).
   */
  @Test
  void kmPatchesSampleThePromisedPlaces() {
    int n = 60;
    float[] v = new float[n * n];
    double x0 = 200;
    double y0 = 40;
    double d = 1 / 12.0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) v[j * n + i] = (float) (3 * (x0 + i * d) + 5 * (y0 + j * d));
    }
    AsciiGrids.Grid g = new AsciiGrids.Grid("plane", Registration.GRIDLINE, n, n, x0, y0, d, v);
    GridTile t = AsciiGrids.tile(g, 20, 20, 20, 20, 20);
    int size = 9;
    double sizeKm = 100;
    PatchCutter cutter = new PatchCutter(config(size, sizeKm, 1, Detrend.NONE, PatchScaling.NONE, null));
    PatchCutter.Cut cut = cutter.cut(cutter.prepare(t), 30, 30, "k", Map.of());
    Patch p = cut.patch();
    assertNotNull(p);
    double latC = y0 + 30 * d;
    assertEquals(latC, p.lat(), 1e-9);
    double step = sizeKm / size;
    for (int r = 0; r < size; r++) {
      double lat = latC + (r - (size - 1) / 2.0) * step / Earth.KM_PER_DEGREE;
      for (int c = 0; c < size; c++) {
        double lon = p.lon() + (c - (size - 1) / 2.0) * step / (Earth.KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        assertEquals(3 * lon + 5 * lat, p.values()[r * size + c], 2e-3, "sample " + r + "," + c);
      }
    }
  }

  /** Property: on random grids and settings every patch has N*N values; per-patch scaling spans exactly [-1, 1]. */
  @Test
  void patchSizesAndScaledRanges() {
    Random rnd = new Random(5);
    for (int trial = 0; trial < 12; trial++) {
      int n = 30 + rnd.nextInt(30);
      float[] v = new float[n * n];
      for (int k = 0; k < v.length; k++) v[k] = rnd.nextDouble() < 0.02 ? Float.NaN : (float) (rnd.nextGaussian() * 1000);
      AsciiGrids.Grid g = new AsciiGrids.Grid("rnd", Registration.PIXEL, n, n, 180, -60 + rnd.nextDouble() * 100, 1 / 12.0, v);
      int size = 2 + rnd.nextInt(12);
      Double sizeKm = rnd.nextBoolean() ? null : 20 + rnd.nextDouble() * 40;
      PatchScaling s = PatchScaling.values()[rnd.nextInt(3)];
      Detrend d = Detrend.values()[rnd.nextInt(3)];
      PatchConfig c = config(size, sizeKm, 1 + rnd.nextInt(3), d, s, null);
      int emitted = 0;
      for (GridTile t : AsciiGrids.tiles(g, 10 + rnd.nextInt(10), 22)) {
        for (Patch p : cutAll(c, t, new java.util.EnumMap<>(PatchCutter.Skip.class))) {
          assertEquals(size * size, p.values().length);
          double max = 0;
          for (float x : p.values()) {
            assertTrue(Float.isFinite(x));
            max = Math.max(max, Math.abs(x));
          }
          if (s == PatchScaling.PATCH) assertEquals(1.0, max, 1e-6, c.toString());
          emitted++;
        }
      }
      assertTrue(emitted > 0, c.toString());
    }
  }

  /** Property: each grid-mode centre comes out once, whatever the tiling; NaN patches are counted. */
  @Test
  void eachCentreOnceWhateverTheTiling() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    PatchConfig c = config(8, null, 5, Detrend.MEAN, PatchScaling.NONE, null);
    Set<String> first = null;
    for (int tileSize : new int[] {64, 150, 97}) {
      Set<String> keys = new HashSet<>();
      Map<PatchCutter.Skip, Integer> skips = new java.util.EnumMap<>(PatchCutter.Skip.class);
      int total = 0;
      for (GridTile t : AsciiGrids.tiles(g, tileSize, 4)) {
        for (Patch p : cutAll(c, t, skips)) {
          assertTrue(keys.add(p.key()), "twice: " + p.key());
          total++;
        }
      }
      int centres = ((g.nx() + 4) / 5) * ((g.ny() + 4) / 5);
      assertEquals(centres, total + skips.getOrDefault(PatchCutter.Skip.NAN, 0), "every centre is a patch or a NaN skip");
      assertTrue(skips.getOrDefault(PatchCutter.Skip.NAN, 0) > 0, "the grid has a NaN corner and NaN edges");
      if (first == null) first = keys;
      else assertEquals(first, keys);
    }
  }

  /** Plane removal leaves nothing of a plane; mean removal leaves mean zero. */
  @Test
  void detrendRemovesPlaneAndMean() {
    Random rnd = new Random(3);
    int n = 7;
    float[] plane = new float[n * n];
    float[] noisy = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        plane[r * n + c] = (float) (100 + 4 * c - 7 * r);
        noisy[r * n + c] = (float) (rnd.nextGaussian() * 50 + 20);
      }
    }
    Detrend.PLANE.removeFrom(plane, n);
    for (float x : plane) assertEquals(0, x, 1e-3);
    Detrend.MEAN.removeFrom(noisy, n);
    double sum = 0;
    for (float x : noisy) sum += x;
    assertEquals(0, sum / noisy.length, 1e-4);
  }

  /** Local-max scaling is scale-invariant (z and 10 z give the same patches) and maps |z| = const to 1. */
  @Test
  void localMaxScalingIsScaleInvariant() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    float[] ten = g.values().clone();
    for (int k = 0; k < ten.length; k++) ten[k] *= 10;
    PatchConfig c = config(6, null, 3, Detrend.NONE, PatchScaling.LOCAL_MAX, null);
    GridTile a = AsciiGrids.tile(g, 20, 20, 30, 20, 20);
    GridTile b = AsciiGrids.tile(AsciiGrids.withValues(g, ten), 20, 20, 30, 20, 20);
    List<Patch> pa = cutAll(c, a, new java.util.EnumMap<>(PatchCutter.Skip.class));
    List<Patch> pb = cutAll(c, b, new java.util.EnumMap<>(PatchCutter.Skip.class));
    assertEquals(pa.size(), pb.size());
    assertTrue(pa.size() > 50);
    for (int k = 0; k < pa.size(); k++) {
      for (int m = 0; m < 36; m++) assertEquals(pa.get(k).values()[m], pb.get(k).values()[m], 1e-5);
    }
    float[] flat = new float[g.values().length];
    java.util.Arrays.fill(flat, -4000f);
    GridTile f = AsciiGrids.tile(AsciiGrids.withValues(g, flat), 20, 20, 30, 20, 20);
    for (Patch p : cutAll(c, f, new java.util.EnumMap<>(PatchCutter.Skip.class))) {
      for (float x : p.values()) assertEquals(-1.0, x, 1e-5);
    }
  }

  @Test
  void landPatchesAreSkippedAndNothingAboveTheLevelIsEmitted() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/HI_topo_04.asc"));
    PatchConfig c = config(8, null, 2, Detrend.NONE, PatchScaling.NONE, 0.0);
    Map<PatchCutter.Skip, Integer> skips = new java.util.EnumMap<>(PatchCutter.Skip.class);
    int emitted = 0;
    for (GridTile t : AsciiGrids.tiles(g, 50, 4)) {
      for (Patch p : cutAll(c, t, skips)) {
        for (float x : p.values()) assertTrue(x <= 0, "land in " + p.key());
        emitted++;
      }
    }
    assertTrue(skips.getOrDefault(PatchCutter.Skip.LAND, 0) > 10, "the Hawaiian islands are land: " + skips);
    assertTrue(emitted > 100);
  }

  @Test
  void haloTooSmallIsRefusedNamingHalo() throws IOException {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/tut_bathy.asc"));
    GridTile t = AsciiGrids.tile(g, 10, 10, 20, 20, 5);
    PatchCutter cutter = new PatchCutter(config(16, null, 4, Detrend.NONE, PatchScaling.PATCH, null));
    HaloTooSmallException e = assertThrows(HaloTooSmallException.class, () -> cutter.prepare(t));
    assertTrue(e.getMessage().contains("halo of at least 8") && e.getMessage().contains("`halo`"), e.getMessage());
  }
}
