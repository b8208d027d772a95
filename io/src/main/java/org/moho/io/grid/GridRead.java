package org.moho.io.grid;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.read}: a grid file as {@link GridTile}s with a halo. The file's header is read once
 * to plan the bands (rows of tiles); the bands are spread over the workers and each reads only its
 * own rows from the file, so no worker holds more than one band
 * ({@code (tile_size + 2*halo) x nx} nodes) of a grid of any size.
 */
public final class GridRead implements StageType<GridReadConfig> {
  @Override
  public String description() {
    return "Reads a GMT/COARDS/CF netCDF grid (netCDF-3 classic or netCDF-4), an ESRI ASCII grid or an XYZ "
        + "text grid as tiles of tile_size x tile_size nodes with a halo of neighbouring nodes (NaN beyond the "
        + "grid's edge); the tiles' interiors cover every node exactly once. Honours scale_factor/add_offset, "
        + "_FillValue/missing_value and NaN, gridline or pixel registration, y stored either way, and can move "
        + "longitudes to -180..180 or 0..360 and convert m/km. Reads band by band: memory per worker is one band "
        + "of (tile_size + 2*halo) rows, whatever the grid's size. A file that cannot be read becomes an error "
        + "record naming it and why.";
  }

  @Override
  public Class<GridReadConfig> configType() {
    return GridReadConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of();
  }

  @Override
  public Class<?> output() {
    return GridTile.class;
  }

  @Override
  public String example() {
    return """
        - id: topo
          use: grid.read
          with: {path: data/bathymetry/pac_residual_topo.nc, tile_size: 128, halo: 16, units: m}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(GridReadConfig config, StageContext ctx) {
    return new ReadGrid(config, ctx.stageId());
  }

  private static final class ReadGrid extends PTransform<StageInputs, PCollectionTuple> {
    private static final TupleTag<KV<String, Integer>> BANDS = new TupleTag<>("bands") {};
    private final GridReadConfig config;
    private final String stageId;

    ReadGrid(GridReadConfig config, String stageId) {
      this.config = config;
      this.stageId = stageId;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollectionTuple planned = inputs.getPipeline()
          .apply("Path", Create.of(config.path().toString()))
          .apply("PlanBands", ParDo.of(new PlanBands(GridReadOptions.of(config), stageId)).withOutputTags(BANDS, TupleTagList.of(StageOutputs.ERRORS)));
      PCollectionTuple read = planned.get(BANDS)
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
          .apply("Spread", Reshuffle.viaRandomKey())
          .apply("ReadBands", ParDo.of(new ReadBands(GridReadOptions.of(config), stageId))
              .withOutputTags(StageOutputs.<GridTile>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<GridTile> tiles = read.get(StageOutputs.<GridTile>main());
      tiles.setCoder(WithErrors.coder(tiles, GridTile.class));
      PCollection<ErrorRecord> errors = PCollectionList.of(planned.get(StageOutputs.ERRORS)).and(read.get(StageOutputs.ERRORS))
          .apply("Errors", Flatten.pCollections());
      return StageOutputs.of(tiles, errors);
    }
  }

  /** Reads the header and emits one (path, band) per band; an unreadable file is an error. */
  private static final class PlanBands extends DoFn<String, KV<String, Integer>> {
    private final GridReadOptions config;
    private final String stageId;
    private final Counter in;
    private final Counter straddles;
    private final Counter unitsAssumed;

    PlanBands(GridReadOptions config, String stageId) {
      this.config = config;
      this.stageId = stageId;
      this.in = Metrics.counter(stageId, "in");
      this.straddles = Metrics.counter(stageId, "longitudes.straddle");
      this.unitsAssumed = Metrics.counter(stageId, "units.assumed");
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) {
      in.inc();
      try (AdjustedGridFile f = config.open(path)) {
        if (f.straddles()) straddles.inc();
        if (f.unitsAssumed()) unitsAssumed.inc();
        int bands = new GridTiler(f, config.tileSize(), config.halo()).bands();
        for (int b = 0; b < bands; b++) out.get(ReadGrid.BANDS).output(KV.of(path, b));
      } catch (IOException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, path, reason(e), null));
      }
    }
  }

  /** Reads one band of rows and emits its tiles; keeps the last file open between bands. */
  private static final class ReadBands extends DoFn<KV<String, Integer>, GridTile> {
    private final GridReadOptions config;
    private final String stageId;
    private final Counter tilesOut;
    private transient String openPath;
    private transient AdjustedGridFile open;

    ReadBands(GridReadOptions config, String stageId) {
      this.config = config;
      this.stageId = stageId;
      this.tilesOut = Metrics.counter(stageId, "tiles");
    }

    @ProcessElement
    public void process(@Element KV<String, Integer> band, MultiOutputReceiver out) {
      try {
        if (!band.getKey().equals(openPath)) {
          closeOpen();
          open = config.open(band.getKey());
          openPath = band.getKey();
        }
        for (GridTile t : new GridTiler(open, config.tileSize(), config.halo()).band(band.getValue())) {
          out.get(StageOutputs.<GridTile>main()).output(t);
          tilesOut.inc();
        }
      } catch (IOException | RuntimeException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, band.getKey() + "#band" + band.getValue(), reason(e), null));
      }
    }

    @Teardown
    public void teardown() throws IOException {
      closeOpen();
    }

    private void closeOpen() throws IOException {
      if (open != null) open.close();
      open = null;
      openPath = null;
    }
  }

  static String reason(Exception e) {
    String m = e.getMessage();
    return e instanceof IOException ? (m == null ? e.getClass().getSimpleName() : m) : e.getClass().getSimpleName() + ": " + m;
  }
}
