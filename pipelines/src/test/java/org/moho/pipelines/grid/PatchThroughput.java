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
    directRunner(tiles, (PatchConfig) runs[0][1], (String) runs[0][0]);
  }

  /** The same cut as a grid.patches stage on Beam's DirectRunner: whole-process CPU (all threads). */
  private static void directRunner(List<GridTile> tiles, PatchConfig c, String label) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = os.getProcessCpuTime();
    long w0 = System.nanoTime();
    org.apache.beam.sdk.Pipeline p = org.apache.beam.sdk.Pipeline.create(
        org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    org.apache.beam.sdk.values.PCollection<GridTile> in = p.apply(org.apache.beam.sdk.transforms.Create.of(tiles)
        .withCoder(org.apache.beam.sdk.coders.SerializableCoder.of(GridTile.class)));
    org.apache.beam.sdk.values.PCollectionTuple out = org.apache.beam.sdk.Pipeline.applyTransform("patches",
        org.moho.core.stage.StageInputs.of(in), new GridPatches().create(c,
            new org.moho.core.stage.StageContext("patches", java.nio.file.Path.of("."), java.nio.file.Path.of("target"), false)));
    org.moho.core.stage.StageOutputs.<org.moho.core.data.Patch>main(out)
        .apply("CountSamples", org.apache.beam.sdk.transforms.ParDo.of(new CountSamples()));
    org.apache.beam.sdk.PipelineResult result = p.run();
    result.waitUntilFinish();
    long samples = 0;
    for (org.apache.beam.sdk.metrics.MetricResult<Long> m : result.metrics().queryMetrics(
        org.apache.beam.sdk.metrics.MetricsFilter.builder().addNameFilter(
            org.apache.beam.sdk.metrics.MetricNameFilter.named("measure", "samples")).build()).getCounters()) {
      samples += m.getAttempted();
    }
    double cpu = (os.getProcessCpuTime() - t0) / 1e9;
    double wall = (System.nanoTime() - w0) / 1e9;
    System.out.printf("DirectRunner, %s: %d samples, process CPU %.1f s (wall %.1f s) = %.2f CPU s per million samples%n",
        label, samples, cpu, wall, cpu / (samples / 1e6));
  }

  /** Counts the samples of the patches it sees into the counter measure/samples. */
  static final class CountSamples extends org.apache.beam.sdk.transforms.DoFn<org.moho.core.data.Patch, Void> {
    private final org.apache.beam.sdk.metrics.Counter samples = org.apache.beam.sdk.metrics.Metrics.counter("measure", "samples");

    @ProcessElement
    public void process(@Element org.moho.core.data.Patch p) {
      samples.inc(p.values().length);
    }
  }
}
