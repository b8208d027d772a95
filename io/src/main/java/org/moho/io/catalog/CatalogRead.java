package org.moho.io.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.io.grid.GridFormat;
import org.moho.io.grid.GridHeader;

/**
 * {@code catalog.read}: a point catalogue as {@link Row}s keyed {@code file:line}, with columns
 * {@code lon}, {@code lat} and the file's other columns, typed. Every data line ends as a row, as
 * an error record (wrong field count, no position) or in the counter
 * {@code skipped.outside_region}; {@code in} counts data lines.
 */
public final class CatalogRead implements StageType<CatalogReadConfig> {
  @Override
  public String description() {
    return "Reads a point catalogue (seamounts, earthquakes, stations) from whitespace, tab or comma separated "
        + "text with # comments; column names come from the last # line that names every column (or a CSV "
        + "header), lower-cased, with the longitude and latitude columns named lon and lat; values are typed per "
        + "column (integer, number or text; NaN = missing). Optionally keeps only the points inside a region "
        + "[west, east, south, north] and/or a grid's extent (longitudes compared modulo 360). Lines that are not "
        + "rows become error records; points outside are counted as skipped.outside_region.";
  }

  @Override
  public Class<CatalogReadConfig> configType() {
    return CatalogReadConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of();
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: seamounts
          use: catalog.read
          with: {path: data/bathymetry/seamounts_WL97_north17.txt, grid: data/bathymetry/pac_residual_topo.nc}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(CatalogReadConfig config, StageContext ctx) {
    return new ReadCatalog(config, ctx.stageId());
  }

  private static final class ReadCatalog extends PTransform<StageInputs, PCollectionTuple> {
    private final CatalogReadConfig config;
    private final String stageId;

    ReadCatalog(CatalogReadConfig config, String stageId) {
      this.config = config;
      this.stageId = stageId;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      List<Double> r = config.region();
      Region region = r == null ? null : new Region(r.get(0), r.get(1), r.get(2), r.get(3));
      PCollectionTuple out = inputs.getPipeline()
          .apply("Path", Create.of(config.path().toString()))
          .apply("Read", ParDo.of(new ReadFn(config.delimiter(), config.columns(), region,
                  config.grid() == null ? null : config.grid().toString(), stageId))
              .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<Row> rows = out.get(StageOutputs.<Row>main());
      rows.setCoder(WithErrors.coder(rows, Row.class));
      return StageOutputs.of(rows, out.get(StageOutputs.ERRORS));
    }
  }

  /** The extent of a grid file as a region (cell edges for pixel registration). */
  static Region extentOf(String grid) throws IOException {
    try (var f = GridFormat.AUTO.open(Path.of(grid), null)) {
      GridHeader h = f.header();
      return new Region(h.west(), h.east(), h.south(), h.north());
    }
  }

  private static final class ReadFn extends DoFn<String, Row> {
    private final Delimiter delimiter;
    private final List<String> columns;
    private final Region region;
    private final String grid;
    private final String stageId;
    private final Counter in;
    private final Counter outside;

    ReadFn(Delimiter delimiter, List<String> columns, Region region, String grid, String stageId) {
      this.delimiter = delimiter;
      this.columns = columns == null ? null : List.copyOf(columns);
      this.region = region;
      this.grid = grid;
      this.stageId = stageId;
      this.in = Metrics.counter(stageId, "in");
      this.outside = Metrics.counter(stageId, "skipped.outside_region");
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) {
      String file = Path.of(path).getFileName().toString();
      Region keep;
      CatalogTable table;
      try {
        keep = grid == null ? region : extentOf(grid).intersect(region);
        table = CatalogTable.scan(Path.of(path), delimiter, columns);
      } catch (IOException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, path, reason(e), null));
        return;
      }
      try {
        table.rows((line, lon, lat, values) -> {
          in.inc();
          if (keep != null && !keep.contains(lon, lat)) {
            outside.inc();
            return;
          }
          out.get(StageOutputs.<Row>main()).output(new Row(file + ":" + line, values));
        }, e -> {
          in.inc();
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, file + ":" + e.line(), e.reason(), e.text()));
        });
      } catch (IOException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, path, reason(e), null));
      }
    }
  }

  private static String reason(Exception e) {
    return e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
