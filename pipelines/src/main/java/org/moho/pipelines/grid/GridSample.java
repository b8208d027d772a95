package org.moho.pipelines.grid;

import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.sample}: adds a grid's value at each row's position as a column, e.g. the
 * reconstruction error or a filtered height at detection candidates, so that they become features.
 * The grid's tiles are a side input: every worker holds the whole grid, so this is meant for grids
 * that fit in memory (score lattices, regional grids), not for global high-resolution ones.
 */
public final class GridSample implements StageType<GridSample.Config> {
  /** The {@code with:} block. */
  public record Config(
      @Doc("name of the column that receives the grid value") String column,
      @Doc("longitude column of the rows") @Default("lon") String lonColumn,
      @Doc("latitude column of the rows") @Default("lat") String latColumn,
      @Doc("value given where the grid has none (counted in `filled`); absent = leave the value empty (counted in `missing`)")
          @Default(Default.NONE) Double fill)
      implements java.io.Serializable {
    public Config {
      ConfigException.check(!column.isBlank(), "column", "must name a column");
      ConfigException.check(fill == null || Double.isFinite(fill), "fill", "must be a finite number, got " + fill);
    }
  }

  @Override
  public String description() {
    return "Adds to each row the value of a grid at the row's lon/lat (column `column`): bilinear between the four "
        + "surrounding nodes, or the nearest node's value where one of them has no data. Rows outside the grid or "
        + "at a node without data get the `fill` value (counted in `filled`) or, without one, an empty value (counted "
        + "in `missing`); rows without a numeric position "
        + "go to the errors output. The grid's tiles are a side input (the whole grid is held in memory).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class), Port.of("grid", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: with_error
          use: grid.sample
          from: [candidate_rows, error_grid]
          with: {column: e}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String id = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        PCollection<GridTile> tiles = in.get(1);
        PCollectionView<List<GridTile>> grid = tiles.apply("Grid", ListView.of());
        PCollectionTuple sampled = rows.apply("Sample", ParDo.of(new SampleFn(id, config, grid))
            .withSideInputs(grid)
            .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<Row> main = sampled.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
        return StageOutputs.of(main, sampled.get(StageOutputs.ERRORS));
      }
    };
  }

  static final class SampleFn extends DoFn<Row, Row> {
    private final String stageId;
    private final Config config;
    private final PCollectionView<List<GridTile>> grid;
    private final Counter missing;
    private final Counter filled;
    private transient GridSampler sampler;
    private transient List<GridTile> sampledTiles;

    SampleFn(String stageId, Config config, PCollectionView<List<GridTile>> grid) {
      this.stageId = stageId;
      this.config = config;
      this.grid = grid;
      this.missing = Metrics.counter(stageId, "missing");
      this.filled = Metrics.counter(stageId, "filled");
    }

    @ProcessElement
    public void process(@Element Row row, ProcessContext c, MultiOutputReceiver out) {
      CataloguePoint p;
      try {
        p = CataloguePoint.of(row, config.lonColumn(), config.latColumn());
      } catch (RecordException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, row.key(), e.getMessage(), e.value()));
        return;
      }
      List<GridTile> tiles = c.sideInput(grid);
      if (sampler == null || sampledTiles != tiles) { // build once per side-input value, not per row
        sampler = new GridSampler(tiles);
        sampledTiles = tiles;
      }
      double v = sampler.at(p.lon(), p.lat());
      Double value = v;
      if (Double.isNaN(v)) {
        value = config.fill();
        (value == null ? missing : filled).inc();
      }
      out.get(StageOutputs.<Row>main()).output(row.with(config.column(), value));
    }
  }
}
