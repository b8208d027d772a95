package org.moho.pipelines.evaluate;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code evaluate.binary}. */
public record BinaryConfig(
    @Doc("column of the score") @Default("score") String score,
    @Doc("column of the label: 1/0, true/false") @Default("label") String label,
    @Doc("true when a higher score means positive (class 1)") @Default("true") boolean higherIsBetter,
    @Doc("the confusion matrix calls scores at least this good positive; none = the threshold maximising TPR - FPR")
        @Default(Default.NONE) Double threshold,
    @Doc("also evaluate each value of this column separately (e.g. damage kind)") @Default(Default.NONE) String groupBy,
    @Doc("with group_by: the group (e.g. clean) whose rows join every other group, so each group is evaluated against it; it gets no row of its own")
        @Default(Default.NONE) String baseline,
    @Doc("where the JSON metrics go; default ${out}/<stage id>.json") @Default(Default.NONE) Path json,
    @Doc("where the ROC PNG goes; default ${out}/<stage id>.png") @Default(Default.NONE) Path png) {

  public BinaryConfig {
    ConfigException.check(!score.isBlank(), "score", "must not be empty");
    ConfigException.check(!label.isBlank(), "label", "must not be empty");
    ConfigException.check(threshold == null || !threshold.isNaN(), "threshold", "must be a number");
    ConfigException.check(baseline == null || groupBy != null, "baseline", "needs group_by (the column that names the baseline group)");
  }

  /** What the evaluation needs at run time (a Path is not serializable). */
  record Settings(boolean higherIsBetter, Double threshold, boolean grouped, String baseline) implements java.io.Serializable {}

  Settings settings() {
    return new Settings(higherIsBetter, threshold, groupBy != null, baseline);
  }
}
