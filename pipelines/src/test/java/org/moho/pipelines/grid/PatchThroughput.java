package org.moho.pipelines.grid;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.List;
import org.moho.core.data.GridTile;
import org.moho.core.data.Patch;

/**
 * A measurement, not a test: CPU time to cut the whole Pacific residual-topography grid
 * (600 x 456 nodes) into patches, per million output samples. Run from the repo root with
 * {@code java -cp <test classpath> -Dmoho.repo=. org.moho.pipelines.grid.PatchThroughput}
 * (the command is in docs/stages/grid-features.md). Thread CPU time, so other load on the machine
 * inflates it little.
 */
public final class PatchThroughput {
  private PatchThroughput() {}

  public static void main(String[] args) throws Exception {
    AsciiGrids.Grid g = AsciiGrids.read(AsciiGrids.repo("data/bathymetry/pac_residual_topo.asc"));
    List<GridTile> tiles = AsciiGrids.tiles(g, 128, 40);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Object[][] runs = {
        {"32x32 nodes, stride 4, plane, patch scaling", new PatchConfig(32, null, 4, Detrend.PLANE, PatchScaling.PATCH, 30, 60, null, "lon", "lat", 0, 50, 7)},
        {"32x32 nodes, stride 1, none, no scaling", new PatchConfig(32, null, 1, Detrend.NONE, PatchScaling.NONE, 30, 60, null, "lon", "lat", 0, 50, 7)},
        {"32x32 over 200 km (bilinear), stride 4, plane, local-max 30/60 km", new PatchConfig(32, 200.0, 4, Detrend.PLANE, PatchScaling.LOCAL_MAX, 30, 60, null, "lon", "lat", 0, 50, 7)},
    };
    for (int rep = 0; rep < 2; rep++) { // the first pass warms the JIT; report the second
      for (Object[] run : runs) {
        PatchConfig c = (PatchConfig) run[1];
        long t0 = mx.getCurrentThreadCpuTime();
        long samples = 0;
        long patches = 0;
        EnumMap<PatchCutter.Skip, Integer> skips = new EnumMap<>(PatchCutter.Skip.class);
        for (GridTile t : tiles) {
          for (Patch p : PatchCutterTest.cutAll(c, t, skips)) {
            samples += p.values().length;
            patches++;
          }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
        if (rep == 1) {
          System.out.printf("%-70s patches %7d skipped %s  CPU %.2f s  = %.3f CPU s per million samples%n",
              run[0], patches, skips, cpu, cpu / (samples / 1e6));
        }
      }
    }
  }
}
