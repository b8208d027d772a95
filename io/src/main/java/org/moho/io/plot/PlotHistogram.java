package org.moho.io.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
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

/** {@code plot.histogram}: the distribution of one numeric column, drawn by {@link HistogramFigure}. */
public final class PlotHistogram implements StageType<PlotHistogram.Config> {

  /** The {@code with:} block of {@code plot.histogram}. */
  public record Config(
      @Doc("the .png file to write (replaced atomically)") Path path,
      @Doc("the numeric column to count (NaN and missing values are counted in 'skipped.nan')") String column,
      @Doc("number of equal-width bins") @Default("40") int bins,
      @Doc("[min, max] of the bins; default: the data's range; values outside are counted in 'outside.range'")
      @Default(Default.NONE) List<Double> range,
      @Doc("figure title; default: 'Distribution of <column>'") @Default(Default.NONE) String title,
      @Doc("x axis title; default: the column name") @Default(Default.NONE) String xLabel,
      @Doc("units of the column, shown in brackets after the x axis title") @Default(Default.NONE) String units,
      @Doc("logarithmic count axis") @Default("false") boolean logY,
      @Doc("figure width in pixels") @Default("1600") int width,
      @Doc("figure height in pixels") @Default("1000") int height,
      @Doc("resolution recorded in the PNG, dots per inch") @Default("300") int dpi) {
    public Config {
      FigureSize.check(width, height, dpi);
      ConfigException.check(path.getFileName() != null, "path", "must name a file, got " + path);
      ConfigException.check(!column.isBlank(), "column", "must name a column");
      ConfigException.check(bins >= 1 && bins <= 1000, "bins", "must be 1..1000, got " + bins);
      if (range != null) {
        ConfigException.check(range.size() == 2 && range.get(0) < range.get(1), "range",
            "must be [min, max] with min < max, got " + range);
      }
    }

    String xTitle() {
      return (xLabel != null ? xLabel : column) + (units != null && !units.isBlank() ? " (" + units + ")" : "");
    }
  }

  @Override
  public String description() {
    return "Draws the distribution of one numeric column of the input rows as a histogram PNG (equal-width bins over "
        + "the data's range or a given one; count axis linear or logarithmic; n and the bin width in the legend). All "
        + "values are gathered on one worker and the figure is written atomically. NaN and missing values are counted in "
        + "'skipped.nan', values outside a given range in 'outside.range'; a row without the column or with a "
        + "non-numeric value goes to the errors output. No rows, no figure. Emits one Row (path, width, height, values).";
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
        - id: radius_histogram
          use: plot.histogram
          from: seamounts
          with: {path: "${out}/radius.png", column: RADIUS, x_label: Seamount radius, units: km, bins: 30}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String id = ctx.stageId();
    String path = config.path().toString();
    DrawFn draw = new DrawFn(id, config.bins(), config.range() == null ? null : config.range().get(0),
        config.range() == null ? null : config.range().get(1), config.title() != null ? config.title()
        : "Distribution of " + config.column(), config.xTitle(), config.logY(), config.width(), config.height(), config.dpi());
    NumberOf values = new NumberOf(id, config.column());
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        PCollectionTuple numbers = rows.apply("Values", WithErrors.of(id, Double.class, values));
        PCollection<Row> written = numbers.get(StageOutputs.<Double>main())
            .apply("OneFigure", GatherAll.under(path, DoubleCoder.of()))
            .apply("Draw", ParDo.of(draw))
            .setCoder(SerializableCoder.of(Row.class));
        return StageOutputs.of(written, StageOutputs.errors(numbers));
      }
    };
  }

  /** A row's value in the column; NaN or a missing value (null) is "no value" and counted, not an error. */
  private static final class NumberOf implements RecordFn<Row, Double> {
    private final String column;
    private final Counter nan;

    NumberOf(String stageId, String column) {
      this.column = column;
      this.nan = Metrics.counter(stageId, "skipped.nan");
    }

    @Override
    public void apply(Row row, Consumer<Double> out) throws RecordException {
      if (!row.has(column)) throw new RecordException("no column '" + column + "'; columns: " + String.join(", ", row.values().keySet()));
      Object value = row.get(column);
      if (value != null && !(value instanceof Number)) throw new RecordException("column '" + column + "' is not a number", String.valueOf(value));
      double v = value == null ? Double.NaN : ((Number) value).doubleValue(); // null: a missing value
      if (Double.isNaN(v)) {
        nan.inc();
        return;
      }
      if (Double.isInfinite(v)) throw new RecordException("column '" + column + "' is " + v);
      out.accept(v);
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  private static final class DrawFn extends DoFn<KV<String, Iterable<Double>>, Row> {
    private final int bins;
    private final Double lo;
    private final Double hi;
    private final String title;
    private final String xTitle;
    private final boolean logY;
    private final int width;
    private final int height;
    private final int dpi;
    private final Counter outside;

    DrawFn(String stageId, int bins, Double lo, Double hi, String title, String xTitle, boolean logY, int width, int height, int dpi) {
      this.bins = bins;
      this.lo = lo;
      this.hi = hi;
      this.title = title;
      this.xTitle = xTitle;
      this.logY = logY;
      this.width = width;
      this.height = height;
      this.dpi = dpi;
      this.outside = Metrics.counter(stageId, "outside.range");
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Double>> group, OutputReceiver<Row> out) throws Exception {
      List<Double> list = new ArrayList<>();
      group.getValue().forEach(list::add);
      double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
      HistogramFigure.Bins b = HistogramFigure.bin(values, bins, lo, hi);
      outside.inc(b.outside());
      Path target = Path.of(group.getKey());
      PngFiles.write(target, HistogramFigure.draw(b, values.length - b.outside(), width, height, title, xTitle, logY), dpi);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", target.toString());
      row.put("width", (long) width);
      row.put("height", (long) height);
      row.put("values", values.length - b.outside());
      out.output(new Row(target.toString(), row));
    }
  }
}
