package org.moho.pipelines.evaluate;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import org.moho.core.files.AtomicFiles;
import org.moho.core.stage.StageContext;

/**
 * Where an evaluate stage writes its report, and the writing of it: the configured {@code json}
 * and {@code png} paths, else {@code OUT/ID.json} and {@code OUT/ID.png}. Kept as text: DoFns
 * capture it, and Path is not serializable.
 */
record ReportFiles(String json, String png) implements Serializable {
  static ReportFiles of(Path json, Path png, StageContext ctx) {
    return new ReportFiles((json != null ? json : ctx.outFolder().resolve(ctx.stageId() + ".json")).toString(),
        (png != null ? png : ctx.outFolder().resolve(ctx.stageId() + ".png")).toString());
  }

  /**
   * Writes the metrics document as JSON, then the curves as a PNG chart (series name → {x, y}),
   * each atomically: a reader of a report never sees half a file. One method, so that every
   * evaluate stage writes the same pair the same way.
   */
  void write(Map<String, Object> doc, String title, String xLabel, String yLabel, Map<String, double[][]> curves)
      throws IOException {
    AtomicFiles.writeString(Path.of(json), Json.write(doc));
    CurvePlot.write(Path.of(png), title, xLabel, yLabel, curves);
  }
}
