package org.moho.pipelines.detect;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Detection;
import org.moho.core.data.GridTile;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code detect.peaks}: the classical residual-bathymetry peak picker, as a baseline. */
public final class DetectPeaks implements StageType<PeaksConfig> {
  @Override
  public String description() {
    return "The baseline a marine geophysicist tries first: on each bathymetry tile (degrees lon/lat), subtract a "
        + "Gaussian regional of full width regional_width_km (NaN-aware normalised convolution, 6 sigma as GMT "
        + "grdfilter -Fg), optionally low-pass the residual, and report every local maximum of the residual at "
        + "least min_height high as a Detection whose score is that height (higher = more seamount-like), with "
        + "attributes height, value and regional. A peak with a higher peak within min_separation_km is dropped. "
        + "Each peak is emitted once, by the tile whose interior holds it; results match the whole-grid ones when "
        + "the halo covers the filters (counter tiles.halo_short counts tiles where it does not). A tile that is "
        + "not a geographic grid goes to errors.";
  }

  @Override
  public Class<PeaksConfig> configType() {
    return PeaksConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("grid", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return Detection.class;
  }

  @Override
  public String example() {
    return """
        - id: peaks
          use: detect.peaks
          from: topo
          with: {regional_width_km: 150, min_height: 1000, min_separation_km: 20}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(PeaksConfig config, StageContext ctx) {
    return new Peaks(ctx.stageId(), config);
  }

  private static final class Peaks extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final PeaksConfig config;

    Peaks(String stageId, PeaksConfig config) {
      this.stageId = stageId;
      this.config = config;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<GridTile> tiles = inputs.get(0);
      return tiles.apply("PickPeaks", WithErrors.of(stageId, Detection.class, new PeaksFn(stageId, config)));
    }
  }

  private static final class PeaksFn implements RecordFn<GridTile, Detection> {
    private final String stageId;
    private final PeaksConfig config;
    private transient Counter haloShort;

    PeaksFn(String stageId, PeaksConfig config) {
      this.stageId = stageId;
      this.config = config;
    }

    @Override
    public void setup() {
      haloShort = Metrics.counter(stageId, "tiles.halo_short");
    }

    @Override
    public void apply(GridTile tile, Consumer<Detection> out) throws RecordException {
      PeakPicker picker = new PeakPicker(config);
      List<Detection> peaks = picker.peaks(tile);
      if (tile.halo() < picker.haloNeeded(tile) && !wholeGrid(tile)) haloShort.inc();
      peaks.forEach(out);
    }

    @Override
    public String keyOf(GridTile tile) {
      return tile.key();
    }
  }

  /** A tile that is the whole grid has nothing beyond its edges, so no halo is short. */
  static boolean wholeGrid(GridTile t) {
    return t.col0() + t.halo() == 0 && t.row0() + t.halo() == 0
        && t.nx() - 2 * t.halo() == t.gridNx() && t.ny() - 2 * t.halo() == t.gridNy();
  }
}
