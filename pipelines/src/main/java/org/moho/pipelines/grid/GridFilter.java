package org.moho.pipelines.grid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.GridTile;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.filter}: Gaussian or Butterworth low- or high-pass of a tiled grid by normalised
 * convolution (see {@link TileConvolution}): NaN stays NaN, holes and grid edges are handled by
 * renormalising the weights over valid nodes, high = original minus low. Each output tile is the
 * input tile cropped by the filter's reach (its halo shrinks by as much), so every output value
 * saw its whole filter circle; a tile whose halo is too small stops the run with a message naming
 * {@code halo}.
 */
public final class GridFilter implements StageType<GridFilterConfig> {
  @Override
  public String description() {
    return "Gaussian (gmt grdfilter -Fg sense: width = 6 sigma) or Butterworth low-/high-pass of a tiled grid, "
        + "width in km (x scaled by cos(latitude), as grdfilter -D3) or nodes. Normalised convolution: weights are "
        + "renormalised over valid nodes, so edges and holes bias nothing, and NaN stays NaN; high-pass = grid minus "
        + "low-pass. Output tiles are cropped by the filter's reach and keep the rest of their halo; a filter wider "
        + "than the tiles' halo stops the run with a message naming `halo`.";
  }

  @Override
  public Class<GridFilterConfig> configType() {
    return GridFilterConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("grid", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return GridTile.class;
  }

  @Override
  public String example() {
    return """
        - id: regional
          use: grid.filter
          from: topo
          with: {width: 100, units: km, shape: gaussian, pass: high}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GridFilterConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<GridTile> tiles = inputs.get(0);
        PCollectionTuple out = tiles.apply("Filter", ParDo.of(new FilterFn(config))
            .withOutputTags(StageOutputs.<GridTile>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<GridTile>main()).setCoder(WithErrors.coder(tiles, GridTile.class));
        return StageOutputs.of(out.get(StageOutputs.<GridTile>main()), out.get(StageOutputs.ERRORS));
      }
    };
  }

  /** Filters one tile; a HaloTooSmallException propagates and fails the run (a config problem). */
  static final class FilterFn extends DoFn<GridTile, GridTile> {
    private final GridFilterConfig config;
    private transient Map<Double, RadialKernel> kernels;

    FilterFn(GridFilterConfig config) {
      this.config = config;
    }

    @Setup
    public void setup() {
      kernels = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element GridTile tile, OutputReceiver<GridTile> out) {
      out.output(apply(config, tile, kernels));
    }
  }

  /** The filtered tile (pure; {@code cache} keeps Butterworth kernels, which are costly to tabulate). */
  public static GridTile apply(GridFilterConfig config, GridTile tile, Map<Double, RadialKernel> cache) {
    RadialKernel kernel = kernel(config, tile, cache);
    GridTile low = TileConvolution.lowPass(tile, kernel, config.units());
    if (config.pass() == FilterPass.LOW) return low;
    int m = (tile.nx() - low.nx()) / 2;
    float[] high = new float[low.values().length];
    for (int j = 0; j < low.ny(); j++) {
      for (int i = 0; i < low.nx(); i++) {
        high[j * low.nx() + i] = tile.at(i + m, j + m) - low.at(i, j);
      }
    }
    return TileConvolution.crop(tile, m, high);
  }

  static RadialKernel kernel(GridFilterConfig config, GridTile tile, Map<Double, RadialKernel> cache) {
    if (config.shape() == FilterShape.GAUSSIAN) return new GaussianKernel(config.width());
    // Band limit: the Nyquist wavenumber of the y spacing (constant over a grid, so one kernel per grid).
    double kmax = 0.5 / TileConvolution.stepY(tile, config.units());
    return cache.computeIfAbsent(kmax, k -> new ButterworthKernel(config.width(), config.order(), k));
  }
}
