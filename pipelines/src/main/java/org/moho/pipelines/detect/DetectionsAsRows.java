package org.moho.pipelines.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.moho.core.data.Detection;
import org.moho.core.data.Row;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.PerRecordStage;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;

/**
 * {@code detections.rows}: detections as table rows, so that candidates can be sampled, labelled,
 * classified and written with the table stages. One row per detection, same key; nothing is lost.
 */
public final class DetectionsAsRows implements PerRecordStage<DetectionsAsRows.Config> {
  /** The {@code with:} block: the name of the score column. */
  public record Config(@Doc("name of the column holding the detection's score") @Default("score") String scoreColumn)
      implements java.io.Serializable {
    public Config {
      org.moho.core.stage.ConfigException.check(!scoreColumn.isBlank(), "score_column", "must not be empty");
    }
  }

  @Override
  public String description() {
    return "Turns each Detection into one Row with the same key: columns lon, lat, the score (column score_column), "
        + "then the detection's attributes (numbers stay numbers). An attribute named like one of the first three "
        + "columns is dropped in their favour. One row out per detection in; nothing goes to errors.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("detections", Detection.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: candidate_rows
          use: detections.rows
          from: candidates
          with: {score_column: height}
        """;
  }

  @Override
  public RecordFn<Detection, Row> recordFn(Config config, StageContext ctx) {
    String scoreColumn = config.scoreColumn();
    return (Detection d, Consumer<Row> out) -> out.accept(row(d, scoreColumn));
  }

  /** The row of one detection: lon, lat, score, then the attributes in their (sorted) order. */
  static Row row(Detection d, String scoreColumn) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lon", d.lon());
    v.put("lat", d.lat());
    v.put(scoreColumn, d.score());
    d.attributes().forEach(v::putIfAbsent);
    return new Row(d.key(), v);
  }
}
