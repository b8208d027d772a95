package org.moho.io.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.GatherAll;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code plot.map}: a grid as a colour map PNG with a catalogue and detections on top. All tiles
 * and points are gathered on one worker (a GroupByKey to one key), the tiles put back together by
 * their global indices and decimated to the figure's pixels ({@link GridMosaic}), and the figure
 * drawn by {@link MapFigure} and written atomically ({@link PngFiles}).
 */
public final class PlotMap implements StageType<PlotMap.Config> {

  /** The {@code with:} block of {@code plot.map}. */
  public record Config(
      @Doc("the .png file to write (replaced atomically)") Path path,
      @Doc("figure title; default: the grid's source") @Default(Default.NONE) String title,
      @Doc("colour palette: haxby (GMT), balance (diverging, centred on 0), deep, viridis") @Default("haxby") Palette palette,
      @Doc("colour range [min, max] in the grid's units; default: 2nd-98th percentile, rounded (symmetric for balance)")
      @Default(Default.NONE) List<Double> range,
      @Doc("colour bar title; the grid's units are appended in brackets") @Default("Value") String colourLabel,
      @Doc("relief shading, lit from the north-west") @Default("true") boolean shade,
      @Doc("legend label of the points input (e.g. a catalogue)") @Default("catalogue") String pointsLabel,
      @Doc("longitude column of the points rows") @Default("lon") String lonColumn,
      @Doc("latitude column of the points rows") @Default("lat") String latColumn,
      @Doc("legend label of the detections input") @Default("detections") String detectionsLabel,
      @Doc("figure width in pixels") @Default("1600") int width,
      @Doc("figure height in pixels") @Default("1000") int height,
      @Doc("resolution recorded in the PNG, dots per inch") @Default("300") int dpi) {
    public Config {
      FigureSize.check(width, height, dpi);
      ConfigException.check(path.getFileName() != null, "path", "must name a file, got " + path);
      if (range != null) {
        ConfigException.check(range.size() == 2 && range.get(0) < range.get(1), "range",
            "must be [min, max] with min < max, got " + range);
      }
    }
  }

  @Override
  public String description() {
    return "Draws a grid as a colour-map PNG: the tiles are gathered on one worker, put back together by their "
        + "global indices (halos ignored) and averaged down to the figure's pixels, so any grid size fits in memory. "
        + "Equirectangular frame with aspect corrected for latitude, degree-labelled axes, a GMT or cmocean palette "
        + "with a labelled colour bar (units from the grid), optional relief shading, and optional points (rows with "
        + "lon/lat columns, e.g. a catalogue, as open circles) and detections (crosses) with a legend counting the "
        + "points shown. Points outside the map are counted in 'points.outside'; rows without a numeric position go to "
        + "the errors output. Written atomically; emits one Row (path, width, height, tiles, points).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("grid", GridTile.class), Port.optional("points", Row.class),
        Port.optional("detections", Detection.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: map
          use: plot.map
          from: [topo, seamounts]
          with:
            path: "${out}/residual_topography.png"
            title: North Pacific residual topography
            colour_label: Residual topography
            points_label: Seamounts (Wessel & Lyons 1997)
            lon_column: LON
            lat_column: LAT
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String id = ctx.stageId();
    MapFigure.Style style = new MapFigure.Style(config.width(), config.height(), config.dpi(), config.title(), config.palette(),
        config.range() == null ? null : config.range().get(0), config.range() == null ? null : config.range().get(1),
        config.colourLabel(), config.shade());
    List<String> labels = List.of(config.pointsLabel(), config.detectionsLabel());
    String path = config.path().toString();
    String lonColumn = config.lonColumn();
    String latColumn = config.latColumn();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        List<PCollection<MapLayer>> layers = new ArrayList<>();
        List<PCollection<ErrorRecord>> errors = new ArrayList<>();
        PCollectionTuple tiles = inputs.<GridTile>get(0).apply("Tiles",
            WithErrors.of(id, MapLayer.class, (GridTile t, Consumer<MapLayer> out) -> out.accept(MapLayer.tile(t))));
        layers.add(tiles.get(StageOutputs.<MapLayer>main()));
        errors.add(StageOutputs.errors(tiles));
        if (inputs.present(1)) {
          PCollectionTuple points = inputs.<Row>get(1).apply("Points",
              WithErrors.of(id, MapLayer.class, new RowPosition(lonColumn, latColumn)));
          layers.add(points.get(StageOutputs.<MapLayer>main()));
          errors.add(StageOutputs.errors(points));
        }
        if (inputs.present(2)) {
          PCollectionTuple detections = inputs.<Detection>get(2).apply("Detections",
              WithErrors.of(id, MapLayer.class, new DetectionPosition()));
          layers.add(detections.get(StageOutputs.<MapLayer>main()));
          errors.add(StageOutputs.errors(detections));
        }
        PCollectionTuple drawn = PCollectionList.of(layers).apply("AllLayers", Flatten.pCollections())
            .apply("OneFigure", GatherAll.under(path, SerializableCoder.of(MapLayer.class)))
            .apply("Draw", ParDo.of(new DrawFn(id, style, labels, inputs.present(1), inputs.present(2)))
                .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<Row> written = drawn.get(StageOutputs.<Row>main()).setCoder(SerializableCoder.of(Row.class));
        errors.add(drawn.get(StageOutputs.ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class)));
        return StageOutputs.of(written, PCollectionList.of(errors).apply("AllErrors", Flatten.pCollections()));
      }
    };
  }

  private record RowPosition(String lonColumn, String latColumn) implements RecordFn<Row, MapLayer> {
    @Override
    public void apply(Row row, Consumer<MapLayer> out) throws RecordException {
      double lon = row.number(lonColumn);
      double lat = row.number(latColumn);
      if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
        throw new RecordException("no numeric position in columns '" + lonColumn + "', '" + latColumn + "'",
            String.valueOf(row.values()));
      }
      out.accept(MapLayer.point(MapLayer.POINTS, lon, lat));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  private static final class DetectionPosition implements RecordFn<Detection, MapLayer> {
    @Override
    public void apply(Detection d, Consumer<MapLayer> out) throws RecordException {
      if (!Double.isFinite(d.lon()) || !Double.isFinite(d.lat())) {
        throw new RecordException("position is not finite: lon " + d.lon() + ", lat " + d.lat());
      }
      out.accept(MapLayer.point(MapLayer.DETECTIONS, d.lon(), d.lat()));
    }

    @Override
    public String keyOf(Detection d) {
      return d.key();
    }
  }

  private static final class DrawFn extends DoFn<KV<String, Iterable<MapLayer>>, Row> {
    private final String stageId;
    private final MapFigure.Style style;
    private final List<String> labels;
    private final boolean points;
    private final boolean detections;
    private final Counter outside;

    DrawFn(String stageId, MapFigure.Style style, List<String> labels, boolean points, boolean detections) {
      this.stageId = stageId;
      this.style = style;
      this.labels = List.copyOf(labels);
      this.points = points;
      this.detections = detections;
      this.outside = Metrics.counter(stageId, "points.outside");
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<MapLayer>> group, MultiOutputReceiver out) throws Exception {
      GridMosaic mosaic = null;
      int tiles = 0;
      List<List<double[]>> pts = List.of(new ArrayList<>(), new ArrayList<>());
      for (MapLayer m : group.getValue()) {
        if (m.layer() == MapLayer.GRID) {
          if (mosaic == null) mosaic = new GridMosaic(m.tile(), style.width(), style.height());
          try {
            mosaic.add(m.tile());
            tiles++;
          } catch (IllegalArgumentException e) {
            out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, m.tile().key(), e.getMessage(), null));
          }
        } else {
          pts.get(m.layer()).add(new double[] {m.lon(), m.lat()});
        }
      }
      if (mosaic == null) {
        int n = pts.get(0).size() + pts.get(1).size();
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, group.getKey(),
            "no grid tiles arrived, so there is no map to draw " + n + " points on", null));
        return;
      }
      List<MapFigure.PointLayer> layers = new ArrayList<>();
      if (points) layers.add(layer(labels.get(0), MapFigure.Marker.CIRCLE, pts.get(0)));
      if (detections) layers.add(layer(labels.get(1), MapFigure.Marker.CROSS, pts.get(1)));
      MapFigure.Drawn drawn = MapFigure.draw(mosaic.raster(), layers, style);
      int shown = 0;
      for (int k = 0; k < layers.size(); k++) {
        outside.inc(drawn.pointsOutside()[k]);
        shown += drawn.pointsInside()[k];
      }
      Path target = Path.of(group.getKey());
      PngFiles.write(target, drawn.image(), style.dpi());
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("path", target.toString());
      values.put("width", (long) style.width());
      values.put("height", (long) style.height());
      values.put("tiles", (long) tiles);
      values.put("points", (long) shown);
      values.put("colour_min", drawn.lo());
      values.put("colour_max", drawn.hi());
      out.get(StageOutputs.<Row>main()).output(new Row(target.toString(), values));
    }

    private static MapFigure.PointLayer layer(String label, MapFigure.Marker marker, List<double[]> xy) {
      double[] lon = new double[xy.size()];
      double[] lat = new double[xy.size()];
      for (int i = 0; i < lon.length; i++) {
        lon[i] = xy.get(i)[0];
        lat[i] = xy.get(i)[1];
      }
      return new MapFigure.PointLayer(label, marker, lon, lat);
    }
  }
}
