package org.moho.pipelines.evaluate;

import java.nio.file.Path;
import org.moho.core.stage.StageContext;

/**
 * Where an evaluate stage writes its report: the configured {@code json} and {@code png} paths,
 * else {@code OUT/ID.json} and {@code OUT/ID.png}. Kept as text: DoFns capture it, and Path is not
 * serializable.
 */
record ReportFiles(String json, String png) {
  static ReportFiles of(Path json, Path png, StageContext ctx) {
    return new ReportFiles((json != null ? json : ctx.outFolder().resolve(ctx.stageId() + ".json")).toString(),
        (png != null ? png : ctx.outFolder().resolve(ctx.stageId() + ".png")).toString());
  }
}
