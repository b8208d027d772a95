package org.moho.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.files.AtomicFiles;
import org.moho.core.stage.Gather;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.write}: gathers tiles by destination file (a GroupByKey on the path) and writes each
 * grid once, atomically (temporary file + rename), as netCDF-3 classic or ESRI ASCII. The grid is
 * assembled band by band from the tiles' interiors by their global indices; tiles that do not
 * cover the grid exactly once are an error, and no file is written.
 */
public final class GridWrite implements StageType<GridWriteConfig> {
  static final int BAND_ROWS = 256;

  @Override
  public String description() {
    return "Writes grid tiles back into one grid file per source grid ({name} in path = the source's name), "
        + "netCDF-3 classic (CF/COARDS, readable by gmt grdinfo/grdimage: lon/lat coordinate variables with units "
        + "and actual_range, float z with units and actual_range, node_offset for pixel registration) or ESRI "
        + "ASCII. Tiles are placed by their global indices; each node must be covered by exactly one tile "
        + "interior, else the file is not written and an error record says why. Files are written atomically. "
        + "Emits one row per file: path, format, nx, ny, nodes.";
  }

  @Override
  public Class<GridWriteConfig> configType() {
    return GridWriteConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("tiles", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: save
          use: grid.write
          from: topo
          with: {path: "${out}/{name}.nc"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GridWriteConfig config, StageContext ctx) {
    return new WriteGrids(config, ctx.stageId());
  }

  private static final class WriteGrids extends PTransform<StageInputs, PCollectionTuple> {
    private final GridWriteConfig config;
    private final String stageId;

    WriteGrids(GridWriteConfig config, String stageId) {
      this.config = config;
      this.stageId = stageId;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<GridTile> tiles = inputs.get(0);
      String template = config.path().toString();
      PCollectionTuple written = tiles
          .apply("Destination", WithKeys.of((GridTile t) -> GridWriteConfig.destination(template, t.source()))
              .withKeyType(TypeDescriptors.strings()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), WithErrors.coder(tiles, GridTile.class)))
          .apply("Gather", Gather.byKey())
          .apply("Write", ParDo.of(new WriteFile(config.format(), config.title(), stageId))
              .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<Row> rows = written.get(StageOutputs.<Row>main());
      rows.setCoder(WithErrors.coder(rows, Row.class));
      return StageOutputs.of(rows, written.get(StageOutputs.ERRORS));
    }
  }

  private static final class WriteFile extends DoFn<KV<String, Iterable<GridTile>>, Row> {
    private final GridFormat format;
    private final String title;
    private final String stageId;
    private final Counter files;

    WriteFile(GridFormat format, String title, String stageId) {
      this.format = format;
      this.title = title;
      this.stageId = stageId;
      this.files = Metrics.counter(stageId, "files");
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<GridTile>> group, MultiOutputReceiver out) {
      String dest = group.getKey();
      try {
        GridFormat chosen = GridWriteConfig.formatOf(format, dest);
        TileAssembly grid = new TileAssembly(group.getValue());
        write(grid, Path.of(dest), chosen, title);
        GridHeader h = grid.header();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", dest);
        v.put("format", chosen.name().toLowerCase(java.util.Locale.ROOT));
        v.put("nx", (long) h.nx());
        v.put("ny", (long) h.ny());
        v.put("nodes", h.nodes());
        out.get(StageOutputs.<Row>main()).output(new Row(dest, v));
        files.inc();
      } catch (IOException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, dest, GridRead.reason(e), null));
      }
    }
  }

  /** Writes {@code grid} to {@code target} atomically in {@code format} (NETCDF or ESRI). */
  public static void write(GridFile grid, Path target, GridFormat format, String title) throws IOException {
    AtomicFiles.write(target, os -> {
      if (format == GridFormat.ESRI) EsriAsciiGridWriter.write(grid, os, BAND_ROWS);
      else NetcdfGridWriter.write(grid, os, title, BAND_ROWS);
    });
  }
}
