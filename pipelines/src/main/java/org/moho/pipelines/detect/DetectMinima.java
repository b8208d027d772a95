package org.moho.pipelines.detect;

import java.util.List;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code detect.minima}: seamount candidates at minima of a reconstruction-error grid (Valentine et al. 2013). */
public final class DetectMinima implements StageType<MinimaConfig> {
  /** Quantiles kept by the first pass when Emax is a percentile: a 0.1 % resolution. */
  static final int QUANTILES = 1001;

  @Override
  public String description() {
    return "The detection step of Valentine, Kalnins & Trampert (2013): on each tile of scores E (e.g. an "
        + "autoencoder's reconstruction error per node; lower = more seamount-like), low-pass E with a Gaussian "
        + "(width_km or width_nodes, 6 sigma, NaN-aware normalised convolution within the tile and its halo), "
        + "take its local minima below Emax (emax, or emax_percentile of all the grid's interior values, found "
        + "first with Beam's approximate-quantiles sketch at 0.1 % resolution), keep those at least `depth` below the "
        + "mean or median of a ring of radius ring_km and at least min_prominence prominent (saddle: the depth "
        + "of the basin before it spills to lower ground within prominence_window_km; regional: a wider low-pass "
        + "minus the minimum). Each is a Detection with score = low-passed E and attributes e, e_smoothed, emax, "
        + "ring_reference, depth, prominence, prominence_bounded and confidence (1 - E/Emax clamped to [0, 1]). "
        + "A minimum is emitted once, by the tile whose interior holds it. Dropped candidates are counted "
        + "(skipped.above_emax, skipped.shallow, skipped.ring_cut, skipped.flat); tiles whose halo is narrower "
        + "than the filters need are counted in tiles.halo_short. A tile that is not a geographic grid goes to errors.";
  }

  @Override
  public Class<MinimaConfig> configType() {
    return MinimaConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("scores", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return Detection.class;
  }

  @Override
  public String example() {
    return """
        - id: candidates
          use: detect.minima
          from: errors_grid
          with: {width_km: 30, emax_percentile: 10, ring_km: 40, depth: 0.02, min_prominence: 0.01}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(MinimaConfig config, StageContext ctx) {
    return new Minima(ctx.stageId(), config);
  }

  private static final class Minima extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final MinimaConfig config;

    Minima(String stageId, MinimaConfig config) {
      this.stageId = stageId;
      this.config = config;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<GridTile> tiles = inputs.get(0);
      PCollection<Double> emax;
      if (config.emax() != null) {
        emax = inputs.getPipeline().apply("Emax", Create.of(config.emax()).withCoder(DoubleCoder.of()));
      } else {
        double percentile = config.emaxPercentile();
        emax = tiles
            .apply("Quantiles", Combine.globally(TileQuantiles.of(QUANTILES)))
            .apply("Percentile", MapElements.into(TypeDescriptors.doubles()).via(new Percentile(percentile)));
      }
      PCollectionView<Double> emaxView = emax.apply("EmaxView", View.asSingleton());
      PCollectionTuple out = tiles.apply("FindMinima", ParDo.of(new MinimaFn(stageId, config, emaxView))
          .withSideInputs(emaxView)
          .withOutputTags(StageOutputs.<Detection>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<Detection> main = out.get(StageOutputs.<Detection>main());
      main.setCoder(WithErrors.coder(main, Detection.class));
      return StageOutputs.of(main, out.get(StageOutputs.ERRORS));
    }
  }

  /** The value at a percentile of the evenly spaced quantiles (NaN when the grid had no values). */
  record Percentile(double percent) implements SerializableFunction<List<Double>, Double> {
    @Override
    public Double apply(List<Double> q) {
      if (q.isEmpty()) return Double.NaN;
      return q.get((int) Math.round(percent / 100 * (q.size() - 1)));
    }
  }

  private static final class MinimaFn extends DoFn<GridTile, Detection> {
    private final String stageId;
    private final MinimaConfig config;
    private final PCollectionView<Double> emaxView;
    private final Counter above;
    private final Counter shallow;
    private final Counter ringCut;
    private final Counter flat;
    private final Counter haloShort;

    MinimaFn(String stageId, MinimaConfig config, PCollectionView<Double> emaxView) {
      this.stageId = stageId;
      this.config = config;
      this.emaxView = emaxView;
      this.above = Metrics.counter(stageId, "skipped.above_emax");
      this.shallow = Metrics.counter(stageId, "skipped.shallow");
      this.ringCut = Metrics.counter(stageId, "skipped.ring_cut");
      this.flat = Metrics.counter(stageId, "skipped.flat");
      this.haloShort = Metrics.counter(stageId, "tiles.halo_short");
    }

    @ProcessElement
    public void process(ProcessContext c) {
      GridTile tile = c.element();
      MinimaFinder finder = new MinimaFinder(config);
      try {
        MinimaFinder.Result r = finder.find(tile, c.sideInput(emaxView));
        above.inc(r.aboveEmax());
        shallow.inc(r.shallow());
        ringCut.inc(r.ringCut());
        flat.inc(r.flat());
        if (tile.halo() < finder.haloNeeded(tile) && !DetectPeaks.wholeGrid(tile)) haloShort.inc();
        r.detections().forEach(c::output);
      } catch (RecordException e) {
        c.output(StageOutputs.ERRORS, new ErrorRecord(stageId, tile.key(), e.getMessage(), e.value()));
      } catch (RuntimeException e) {
        c.output(StageOutputs.ERRORS, new ErrorRecord(stageId, tile.key(), e.getClass().getSimpleName() + ": " + e.getMessage(), null));
      }
    }
  }
}
