package org.moho.io.plot;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.DefaultCoder;
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
import org.moho.core.data.ErrorRecord;
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

/** {@code plot.line}: y columns against an x column (e.g. training and validation loss per epoch). */
public final class PlotLine implements StageType<PlotLine.Config> {

  /** The {@code with:} block of {@code plot.line}. */
  public record Config(
      @Doc("the .png file to write (replaced atomically)") Path path,
      @Doc("the x column (e.g. epoch)") String x,
      @Doc("one or more y columns, one line each") List<String> y,
      @Doc("figure title") @Default(Default.NONE) String title,
      @Doc("x axis title; default: the x column") @Default(Default.NONE) String xLabel,
      @Doc("y axis title; default: the y column(s)") @Default(Default.NONE) String yLabel,
      @Doc("logarithmic y axis (points <= 0 are left out)") @Default("false") boolean logY,
      @Doc("figure width in pixels") @Default("1600") int width,
      @Doc("figure height in pixels") @Default("1000") int height,
      @Doc("resolution recorded in the PNG, dots per inch") @Default("300") int dpi) {
    public Config {
      FigureSize.check(width, height, dpi);
      ConfigException.check(path.getFileName() != null, "path", "must name a file, got " + path);
      ConfigException.check(!x.isBlank(), "x", "must name a column");
      ConfigException.check(!y.isEmpty() && y.size() <= ChartLook.SERIES.length, "y",
          "must name 1.." + ChartLook.SERIES.length + " columns, got " + y.size());
      y = List.copyOf(y);
    }
  }

  /** One row's x and y values on the way to the figure. */
  @DefaultCoder(SerializableCoder.class)
  record Point(double x, double[] y) implements Serializable {}

  @Override
  public String description() {
    return "Draws one or more numeric y columns against an x column as lines in a PNG (e.g. training and validation "
        + "loss per epoch), sorted by x, with markers when there are at most " + LineFigure.MARKERS_UP_TO + " points "
        + "and a legend when there are several lines; optional log y axis. All rows are gathered on one worker and "
        + "the figure is written atomically. A row missing a column or holding a non-number goes to the errors "
        + "output; NaN and missing values are left out of their line and counted in 'skipped.nan'. No rows, no figure. Emits one "
        + "Row (path, width, height, points).";
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
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: loss_curve
          use: plot.line
          from: training_log
          with: {path: "${out}/loss.png", x: epoch, y: [train_loss, validation_loss], y_label: Loss (MSE), log_y: true}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String id = ctx.stageId();
    String path = config.path().toString();
    ToPoint toPoint = new ToPoint(id, config.x(), config.y());
    DrawFn draw = new DrawFn(id, config.y(), config.title(), config.xLabel() != null ? config.xLabel() : config.x(),
        config.yLabel() != null ? config.yLabel() : String.join(", ", config.y()), config.logY(), config.width(),
        config.height(), config.dpi());
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        PCollectionTuple points = rows.apply("Points", WithErrors.of(id, Point.class, toPoint));
        PCollectionTuple drawn = points.get(StageOutputs.<Point>main())
            .apply("OneFigure", GatherAll.under(path, SerializableCoder.of(Point.class)))
            .apply("Draw", ParDo.of(draw).withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<Row> written = drawn.get(StageOutputs.<Row>main()).setCoder(SerializableCoder.of(Row.class));
        PCollection<ErrorRecord> errors = PCollectionList.of(StageOutputs.errors(points))
            .and(drawn.get(StageOutputs.ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class)))
            .apply("AllErrors", Flatten.pCollections());
        return StageOutputs.of(written, errors);
      }
    };
  }

  private static final class ToPoint implements RecordFn<Row, Point> {
    private final String x;
    private final List<String> y;
    private final Counter nan;

    ToPoint(String stageId, String x, List<String> y) {
      this.x = x;
      this.y = y;
      this.nan = Metrics.counter(stageId, "skipped.nan");
    }

    @Override
    public void apply(Row row, Consumer<Point> out) throws RecordException {
      double xv = number(row, x);
      double[] ys = new double[y.size()];
      for (int k = 0; k < ys.length; k++) ys[k] = number(row, y.get(k));
      if (Double.isNaN(xv)) nan.inc(ys.length);
      else for (double v : ys) if (Double.isNaN(v)) nan.inc();
      out.accept(new Point(xv, ys));
    }

    private static double number(Row row, String column) throws RecordException {
      if (!row.has(column)) throw new RecordException("no column '" + column + "'; columns: " + String.join(", ", row.values().keySet()));
      Object value = row.get(column);
      if (value == null) return Double.NaN; // a missing value: left out of the line like NaN
      if (!(value instanceof Number n)) throw new RecordException("column '" + column + "' is not a number", String.valueOf(value));
      return n.doubleValue();
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  private static final class DrawFn extends DoFn<KV<String, Iterable<Point>>, Row> {
    private final String stageId;
    private final List<String> names;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logY;
    private final int width;
    private final int height;
    private final int dpi;

    DrawFn(String stageId, List<String> names, String title, String xTitle, String yTitle, boolean logY, int width,
           int height, int dpi) {
      this.stageId = stageId;
      this.names = List.copyOf(names);
      this.title = title;
      this.xTitle = xTitle;
      this.yTitle = yTitle;
      this.logY = logY;
      this.width = width;
      this.height = height;
      this.dpi = dpi;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Point>> group, MultiOutputReceiver out) throws Exception {
      List<Point> points = new ArrayList<>();
      group.getValue().forEach(points::add);
      points.sort(Comparator.comparingDouble(Point::x));
      double[] x = new double[points.size()];
      double[][] ys = new double[names.size()][points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i).x();
        for (int k = 0; k < names.size(); k++) ys[k][i] = points.get(i).y()[k];
      }
      Path target = Path.of(group.getKey());
      try {
        PngFiles.write(target, LineFigure.draw(x, ys, names, width, height, title, xTitle, yTitle, logY), dpi);
      } catch (IllegalArgumentException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, group.getKey(), e.getMessage(), null));
        return;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", target.toString());
      row.put("width", (long) width);
      row.put("height", (long) height);
      row.put("points", (long) points.size());
      out.get(StageOutputs.<Row>main()).output(new Row(target.toString(), row));
    }
  }
}
