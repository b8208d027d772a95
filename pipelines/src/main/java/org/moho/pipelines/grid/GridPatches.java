package org.moho.pipelines.grid;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code grid.patches}: square patches cut from grid tiles, for training and scoring image models.
 *
 * <p>Grid mode (no {@code centers}): one patch per node whose global column and row are multiples
 * of {@code stride}, emitted by the one tile whose interior holds that node, so each centre comes
 * out once. Centres mode: one patch (attribute {@code label=1}) per catalogue point, centred on the
 * grid node nearest to it (so within half a node), plus, with {@code negatives: K}, K patches
 * ({@code label=0}) at seeded random nodes at least {@code min_distance_km} from every point.
 *
 * <p>Accounting: a patch touching NaN goes to counter {@code skipped.nan}, one with a raw value
 * above {@code land_level} to {@code skipped.land}, one that cannot be scaled (all zero) to
 * {@code skipped.flat}; a catalogue point outside the grid to {@code skipped.outside}; a catalogue
 * row without a numeric position to the errors output; fewer valid negatives than asked to
 * {@code negatives.short}. A tile whose halo is too small for the patch stops the run.
 */
public final class GridPatches implements StageType<PatchConfig> {
  private static final TupleTag<KV<Long, Patch>> NEGATIVES = new TupleTag<>("negatives") {};

  @Override
  public String description() {
    return "Square N x N patches cut from grid tiles (or of a physical size in km, resampled bilinearly with "
        + "cos(latitude) in x), every `stride` nodes or, with the optional `centers` input (rows with lon/lat), "
        + "around catalogue points (label=1) plus K seeded random negatives (label=0) at least min_distance_km "
        + "from every point. Optional mean/plane removal; scaling per patch, by a smoothed local-max |z| map "
        + "(Valentine et al. 2013) or none. Each centre is emitted once (by the tile whose interior holds it); "
        + "patches with NaN or land are counted (skipped.nan, skipped.land), points outside the grid too "
        + "(skipped.outside).";
  }

  @Override
  public Class<PatchConfig> configType() {
    return PatchConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("grid", GridTile.class), Port.optional("centers", Row.class));
  }

  @Override
  public Class<?> output() {
    return Patch.class;
  }

  @Override
  public String example() {
    return """
        - id: training
          use: grid.patches
          from: [topo, catalogue]
          with: {size: 32, size_km: 200, detrend: plane, scaling: local-max, negatives: 300, min_distance_km: 60, seed: 7}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(PatchConfig config, StageContext ctx) {
    String id = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<GridTile> tiles = inputs.get(0);
        if (!inputs.present(1)) {
          if (config.negatives() > 0) {
            throw new IllegalArgumentException(id + ": negatives needs the `centers` input (a catalogue to stay away from)");
          }
          PCollectionTuple cut = tiles.apply("CutEveryStride", ParDo.of(new StrideFn(id, config))
              .withOutputTags(StageOutputs.<Patch>main(), TupleTagList.of(StageOutputs.ERRORS)));
          PCollection<Patch> patches = cut.get(StageOutputs.<Patch>main()).setCoder(WithErrors.coder(tiles, Patch.class));
          return StageOutputs.of(patches, cut.get(StageOutputs.ERRORS));
        }
        PCollection<Row> rows = inputs.get(1);
        PCollectionTuple positions = rows.apply("Positions", WithErrors.of(id, CataloguePoint.class, new ToPoint(config)));
        PCollection<CataloguePoint> points = positions.get(StageOutputs.<CataloguePoint>main())
            .setCoder(SerializableCoder.of(CataloguePoint.class));
        PCollectionView<List<CataloguePoint>> catalogue = points.apply("Catalogue", ListView.of());
        PCollectionTuple cut = tiles.apply("CutAroundCentres", ParDo.of(new CentredFn(id, config, catalogue))
            .withSideInputs(catalogue)
            .withOutputTags(StageOutputs.<Patch>main(), TupleTagList.of(StageOutputs.ERRORS).and(NEGATIVES)));
        PCollection<Patch> positives = cut.get(StageOutputs.<Patch>main()).setCoder(WithErrors.coder(tiles, Patch.class));
        PCollection<Patch> all = positives;
        if (config.negatives() > 0) {
          PCollection<Patch> negatives = cut.get(NEGATIVES)
              .setCoder(KvCoder.of(VarLongCoder.of(), SerializableCoder.of(Patch.class)))
              .apply("FirstValidNegatives", Top.of(config.negatives(), new ByCandidateDescending()))
              .apply("Negatives", ParDo.of(new UnpackFn(id, config.negatives())))
              .setCoder(SerializableCoder.of(Patch.class));
          all = PCollectionList.of(positives).and(negatives).apply("All", Flatten.pCollections());
        }
        PCollection<ErrorRecord> errors = PCollectionList.of(positions.get(StageOutputs.ERRORS))
            .and(cut.get(StageOutputs.ERRORS)).apply("Errors", Flatten.pCollections());
        return StageOutputs.of(all, errors);
      }
    };
  }

  /** Reads a catalogue row's position; rows without one go to the errors output. */
  static final class ToPoint implements RecordFn<Row, CataloguePoint> {
    private final String lonColumn;
    private final String latColumn;

    ToPoint(PatchConfig config) {
      this.lonColumn = config.lonColumn();
      this.latColumn = config.latColumn();
    }

    @Override
    public void apply(Row row, java.util.function.Consumer<CataloguePoint> out) throws org.moho.core.stage.RecordException {
      out.accept(CataloguePoint.of(row, lonColumn, latColumn));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  /** Counters shared by the cutting DoFns. */
  private static final class Counters implements Serializable {
    final Counter nan;
    final Counter land;
    final Counter flat;

    Counters(String id) {
      nan = Metrics.counter(id, PatchCutter.Skip.NAN.counter());
      land = Metrics.counter(id, PatchCutter.Skip.LAND.counter());
      flat = Metrics.counter(id, PatchCutter.Skip.FLAT.counter());
    }

    void count(PatchCutter.Skip skip) {
      switch (skip) {
        case NAN -> nan.inc();
        case LAND -> land.inc();
        case FLAT -> flat.inc();
      }
    }
  }

  static final class StrideFn extends DoFn<GridTile, Patch> {
    private final PatchCutter cutter;
    private final int stride;
    private final Counters counters;

    StrideFn(String id, PatchConfig config) {
      this.cutter = new PatchCutter(config);
      this.stride = config.stride();
      this.counters = new Counters(id);
    }

    @ProcessElement
    public void process(@Element GridTile tile, MultiOutputReceiver out) {
      PatchCutter.Prepared p = cutter.prepare(tile);
      int h = tile.halo();
      for (int j = h; j < tile.ny() - h; j++) {
        int gj = tile.row0() + j;
        if (Math.floorMod(gj, stride) != 0) continue;
        for (int i = h; i < tile.nx() - h; i++) {
          int gi = tile.col0() + i;
          if (Math.floorMod(gi, stride) != 0) continue;
          PatchCutter.Cut c = cutter.cut(p, gi, gj, tile.source() + "[" + gi + "," + gj + "]", Map.of());
          if (c.patch() != null) {
            out.get(StageOutputs.<Patch>main()).output(c.patch());
          } else {
            counters.count(c.skip());
          }
        }
      }
    }
  }

  static final class CentredFn extends DoFn<GridTile, Patch> {
    private final PatchCutter cutter;
    private final PatchConfig config;
    private final PCollectionView<List<CataloguePoint>> catalogue;
    private final Counters counters;
    private final Counter outside;
    private transient int[][] candidates;
    private transient long candidatesFor;

    CentredFn(String id, PatchConfig config, PCollectionView<List<CataloguePoint>> catalogue) {
      this.cutter = new PatchCutter(config);
      this.config = config;
      this.catalogue = catalogue;
      this.counters = new Counters(id);
      this.outside = Metrics.counter(id, "skipped.outside");
    }

    @ProcessElement
    public void process(@Element GridTile tile, ProcessContext c, MultiOutputReceiver out) {
      List<CataloguePoint> points = c.sideInput(catalogue);
      int need = cutter.reach(tile);
      if (need > tile.halo()) cutter.prepare(tile); // throws the halo message
      PatchCutter.Prepared prepared = null;
      // The tile whose interior starts at global node (0,0) speaks for the whole grid about points
      // outside it, so each such point is counted exactly once.
      boolean firstTile = tile.col0() + tile.halo() == 0 && tile.row0() + tile.halo() == 0;
      double xg0 = tile.x(-tile.col0());
      double yg0 = tile.y(-tile.row0());
      for (CataloguePoint pt : points) {
        double lon = Earth.wrapLon(pt.lon(), xg0 - tile.dx() / 2);
        long gi = Math.round((lon - xg0) / tile.dx());
        long gj = Math.round((pt.lat() - yg0) / tile.dy());
        if (gi < 0 || gi >= tile.gridNx() || gj < 0 || gj >= tile.gridNy()) {
          if (firstTile) outside.inc();
          continue;
        }
        if (!interior(tile, gi, gj)) continue;
        if (prepared == null) prepared = cutter.prepare(tile);
        PatchCutter.Cut cut = cutter.cut(prepared, (int) gi, (int) gj, "pos:" + pt.key(),
            Map.of("label", "1", "point_lon", Double.toString(pt.lon()), "point_lat", Double.toString(pt.lat())));
        if (cut.patch() != null) {
          out.get(StageOutputs.<Patch>main()).output(cut.patch());
        } else {
          counters.count(cut.skip());
        }
      }
      if (config.negatives() == 0) return;
      long gridKey = (long) tile.gridNx() << 32 | tile.gridNy();
      if (candidates == null || candidatesFor != gridKey) {
        candidates = NegativeCandidates.draw(config.seed(), config.negatives(), tile.gridNx(), tile.gridNy());
        candidatesFor = gridKey;
      }
      for (int k = 0; k < candidates.length; k++) {
        int gi = candidates[k][0];
        int gj = candidates[k][1];
        if (!interior(tile, gi, gj)) continue;
        double lon = tile.x(gi - tile.col0());
        double lat = tile.y(gj - tile.row0());
        if (!NegativeCandidates.farFromAll(lon, lat, points, config.minDistanceKm())) continue;
        if (prepared == null) prepared = cutter.prepare(tile);
        PatchCutter.Cut cut = cutter.cut(prepared, gi, gj, tile.source() + ":neg" + k, Map.of("label", "0"));
        if (cut.patch() != null) out.get(NEGATIVES).output(KV.of((long) k, cut.patch()));
      }
    }

    private static boolean interior(GridTile tile, long gi, long gj) {
      return tile.interior((int) (gi - tile.col0()), (int) (gj - tile.row0()));
    }
  }

  /** Orders candidates so that Top keeps the lowest sequence numbers (the first K valid draws). */
  static final class ByCandidateDescending implements Comparator<KV<Long, Patch>>, Serializable {
    @Override
    public int compare(KV<Long, Patch> a, KV<Long, Patch> b) {
      return Long.compare(b.getKey(), a.getKey());
    }
  }

  static final class UnpackFn extends DoFn<List<KV<Long, Patch>>, Patch> {
    private final int wanted;
    private final Counter shortfall;

    UnpackFn(String id, int wanted) {
      this.wanted = wanted;
      this.shortfall = Metrics.counter(id, "negatives.short");
    }

    @ProcessElement
    public void process(@Element List<KV<Long, Patch>> chosen, OutputReceiver<Patch> out) {
      for (KV<Long, Patch> kv : chosen) out.output(kv.getValue());
      if (chosen.size() < wanted) shortfall.inc(wanted - chosen.size());
    }
  }
}
