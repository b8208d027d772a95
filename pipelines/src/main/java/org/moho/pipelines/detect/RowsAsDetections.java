package org.moho.pipelines.detect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.moho.core.data.Detection;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * {@code detections.from-rows}: rows (e.g. candidates re-scored by a classifier) back into
 * Detections, so that evaluate.matches, plot.map and geojson.write can take them.
 */
public final class RowsAsDetections implements PerRecordStage<RowsAsDetections.Config> {
  /** The {@code with:} block: which columns hold the score and the position. */
  public record Config(
      @Doc("the numeric column that becomes the detection's score") String score,
      @Doc("longitude column") @Default("lon") String lonColumn,
      @Doc("latitude column") @Default("lat") String latColumn)
      implements java.io.Serializable {
    public Config {
      ConfigException.check(!score.isBlank(), "score", "must name a column");
    }
  }

  @Override
  public String description() {
    return "Turns each Row into a Detection with the same key: position from lon_column/lat_column, score from the "
        + "`score` column, every other column as an attribute (missing values left out). A row without a finite "
        + "numeric position or score goes to the errors output.";
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
    return Detection.class;
  }

  @Override
  public String example() {
    return """
        - id: combined
          use: detections.from-rows
          from: classified
          with: {score: prediction}
        """;
  }

  @Override
  public RecordFn<Row, Detection> recordFn(Config config, StageContext ctx) {
    return new ToDetection(config);
  }

  static final class ToDetection implements RecordFn<Row, Detection> {
    private final Config config;

    ToDetection(Config config) {
      this.config = config;
    }

    @Override
    public void apply(Row row, Consumer<Detection> out) throws RecordException {
      double lon = finite(row, config.lonColumn());
      double lat = finite(row, config.latColumn());
      double score = finite(row, config.score());
      Map<String, Object> attributes = new TreeMap<>();
      row.values().forEach((k, v) -> {
        boolean used = k.equals(config.lonColumn()) || k.equals(config.latColumn()) || k.equals(config.score());
        if (!used && v != null) attributes.put(k, v);
      });
      out.accept(new Detection(row.key(), lon, lat, score, attributes));
    }

    private static double finite(Row row, String column) throws RecordException {
      double v = row.number(column);
      if (!Double.isFinite(v)) {
        throw new RecordException("column " + column + " is missing or not a finite number: " + row.get(column),
            String.valueOf(row.values()));
      }
      return v;
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }
}
