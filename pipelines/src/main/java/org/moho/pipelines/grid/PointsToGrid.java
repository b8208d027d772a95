package org.moho.pipelines.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;
import org.moho.core.data.Row;
import org.moho.core.stage.GatherAll;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.from-rows}: rows on a regular lon/lat lattice (e.g. the scores of patches cut
 * every {@code stride} nodes) back into one grid, so that grid stages (filters, local minima,
 * maps) can work on them. The lattice's spacing is read from the data: the smallest step between
 * distinct longitudes and latitudes. Nodes without a row are NaN.
 */
public final class PointsToGrid implements StageType<PointsToGrid.Config> {
  /** Settings. */
  public record Config(
      @Doc("the column whose values fill the grid") String value,
      @Doc("longitude column") @Default("lon") String lonColumn,
      @Doc("latitude column") @Default("lat") String latColumn,
      @Doc("the name of the grid (its source, in later keys and file names)") @Default("points") String name,
      @Doc("units of the values, for plots and written grids") @Default("''") String units,
      @Doc("at most this many nodes (a guard against a spacing read wrong from scattered points)") @Default("20000000") long maxNodes)
      implements java.io.Serializable {
    public Config {
      ConfigException.check(maxNodes > 0, "max_nodes", "must be > 0, got " + maxNodes);
    }
  }

  @Override
  public String description() {
    return "Puts rows that lie on a regular lon/lat lattice (e.g. patch scores every stride nodes) back into one "
        + "gridline-registered grid of their `value` column, for grid.filter, detect.minima, plot.map or grid.write. "
        + "The spacing is the smallest step between distinct longitudes and between distinct latitudes; lattice nodes "
        + "without a row are NaN. Rows without numeric lon, lat and value go to the errors output. The grid is one tile "
        + "(halo 0), gathered on one worker: meant for score lattices, not for full-resolution grids.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class));
  }

  @Override
  public Class<?> output() {
    return GridTile.class;
  }

  @Override
  public String example() {
    return """
        - id: error_grid
          use: grid.from-rows
          from: scores
          with: {value: e, name: reconstruction-error}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        PCollectionTuple out = rows
            .apply("OneGrid", GatherAll.under(config.name(), WithErrors.coder(rows, Row.class)))
            .apply("Grid", ParDo.of(new GridFn(ctx.stageId(), config))
                .withOutputTags(StageOutputs.<GridTile>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<GridTile>main()).setCoder(WithErrors.coder(rows, GridTile.class));
        return out;
      }
    };
  }

  private static final class GridFn extends DoFn<KV<String, Iterable<Row>>, GridTile> {
    private final String stage;
    private final Config config;

    GridFn(String stage, Config config) {
      this.stage = stage;
      this.config = config;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> group, MultiOutputReceiver out) {
      List<double[]> points = new ArrayList<>();
      TreeSet<Double> lons = new TreeSet<>(), lats = new TreeSet<>();
      for (Row r : group.getValue()) {
        double lon = r.number(config.lonColumn()), lat = r.number(config.latColumn()), v = r.number(config.value());
        if (Double.isNaN(lon) || Double.isNaN(lat) || Double.isNaN(v)) {
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, r.key(),
              "needs numbers in " + config.lonColumn() + ", " + config.latColumn() + " and " + config.value(), null));
          continue;
        }
        points.add(new double[] {lon, lat, v});
        lons.add(lon);
        lats.add(lat);
      }
      if (points.isEmpty()) return;
      double dx = step(lons), dy = step(lats);
      double x0 = lons.first(), y0 = lats.first();
      int nx = (int) Math.round((lons.last() - x0) / dx) + 1, ny = (int) Math.round((lats.last() - y0) / dy) + 1;
      if ((long) nx * ny > config.maxNodes()) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, group.getKey(), "the points span " + nx + " x " + ny
            + " nodes at the spacing read from them (" + dx + ", " + dy + "), more than max_nodes " + config.maxNodes(), null));
        return;
      }
      float[] values = new float[nx * ny];
      Arrays.fill(values, Float.NaN);
      for (double[] p : points) {
        int i = (int) Math.round((p[0] - x0) / dx), j = (int) Math.round((p[1] - y0) / dy);
        values[j * nx + i] = (float) p[2];
      }
      out.get(StageOutputs.<GridTile>main()).output(new GridTile(config.name(), config.units(), Registration.GRIDLINE,
          nx, ny, 0, 0, nx, ny, 0, x0, y0, dx, dy, values));
    }

    /** The smallest gap between sorted distinct coordinates (1 when there is only one). */
    private static double step(TreeSet<Double> sorted) {
      double best = Double.POSITIVE_INFINITY;
      Double prev = null;
      for (double v : sorted) {
        if (prev != null && v - prev > 1e-9) best = Math.min(best, v - prev);
        prev = v;
      }
      return Double.isInfinite(best) ? 1 : best;
    }
  }
}
