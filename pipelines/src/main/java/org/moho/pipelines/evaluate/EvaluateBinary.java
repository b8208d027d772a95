package org.moho.pipelines.evaluate;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.moho.core.data.Row;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code evaluate.binary}: ROC, AUC, precision/recall and a confusion matrix of a scored, labelled table. */
public final class EvaluateBinary implements StageType<BinaryConfig> {
  @Override
  public String description() {
    return "Evaluates a binary score against 0/1 labels (rows with a score column and a label column, e.g. scored "
        + "records joined with the truth): ROC curve and its trapezoidal AUC (tied scores enter together, so AUC "
        + "= Mann-Whitney U / (n0 n1), as scikit-learn's roc_auc_score), precision/recall curve and average "
        + "precision, and the confusion matrix at `threshold` (default: the one maximising Youden's J). With "
        + "group_by, each group is evaluated too; with baseline as well, the baseline group's rows (e.g. the clean "
        + "records) join every other group, so each group (e.g. a damage kind) is evaluated against the baseline. "
        + "Writes the metrics and curves as JSON and the ROC curves as PNG; "
        + "outputs one row per group (group 'all' first). A row without a numeric score or a 0/1 label goes to "
        + "errors.";
  }

  @Override
  public Class<BinaryConfig> configType() {
    return BinaryConfig.class;
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
        - id: roc
          use: evaluate.binary
          from: scored
          with: {score: score, label: damaged, higher_is_better: true, group_by: kind}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(BinaryConfig config, StageContext ctx) {
    return new Binary(ctx.stageId(), config, ReportFiles.of(config.json(), config.png(), ctx));
  }

  /** One scored, labelled record and its group. */
  record Labelled(double score, boolean positive, String group) implements Serializable {}

  private static final class Binary extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final BinaryConfig config;
    private final ReportFiles report;

    Binary(String stageId, BinaryConfig config, ReportFiles report) {
      this.stageId = stageId;
      this.config = config;
      this.report = report;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollectionTuple labelled = inputs.<Row>get(0).apply("Label",
          WithErrors.of(stageId, Labelled.class, new LabelFn(config.score(), config.label(), config.groupBy())));
      PCollectionView<List<Labelled>> all = StageOutputs.<Labelled>main(labelled).apply("All", ListView.of());
      PCollection<Row> rows = inputs.getPipeline()
          .apply("Once", Create.of("evaluate").withCoder(StringUtf8Coder.of()))
          .apply("Evaluate", ParDo.of(new EvaluateFn(stageId, config.settings(), report, all)).withSideInputs(all));
      rows.setCoder(WithErrors.coder(rows, Row.class));
      return StageOutputs.of(rows, StageOutputs.errors(labelled));
    }
  }

  private record LabelFn(String score, String label, String groupBy) implements RecordFn<Row, Labelled> {
    @Override
    public void apply(Row row, Consumer<Labelled> out) throws RecordException {
      double s = EvaluateMatches.number(row, score);
      if (Double.isNaN(s)) throw new RecordException("no numeric " + score, String.valueOf(row.get(score)));
      Object l = row.get(label);
      boolean positive;
      if (l instanceof Boolean b) {
        positive = b;
      } else if (l instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
        positive = n.doubleValue() == 1;
      } else if (l instanceof String t && List.of("0", "1", "true", "false").contains(t.trim().toLowerCase())) {
        positive = t.trim().equals("1") || t.trim().equalsIgnoreCase("true");
      } else {
        throw new RecordException(label + " is not a 0/1 label", String.valueOf(l));
      }
      String group = groupBy == null ? null : String.valueOf(row.get(groupBy));
      out.accept(new Labelled(s, positive, group));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  private static final class EvaluateFn extends DoFn<String, Row> {
    private final String stageId;
    private final BinaryConfig.Settings config;
    private final ReportFiles report;
    private final PCollectionView<List<Labelled>> all;

    EvaluateFn(String stageId, BinaryConfig.Settings config, ReportFiles report, PCollectionView<List<Labelled>> all) {
      this.stageId = stageId;
      this.config = config;
      this.report = report;
      this.all = all;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      Map<String, List<Labelled>> groups = new LinkedHashMap<>();
      groups.put("all", new ArrayList<>(c.sideInput(all)));
      if (config.grouped()) {
        Map<String, List<Labelled>> byGroup = new TreeMap<>();
        for (Labelled x : groups.get("all")) byGroup.computeIfAbsent(x.group(), g -> new ArrayList<>()).add(x);
        List<Labelled> baseline = config.baseline() == null ? null : byGroup.remove(config.baseline());
        if (baseline != null) byGroup.values().forEach(g -> g.addAll(0, baseline));
        groups.putAll(byGroup);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("stage", stageId);
      doc.put("higher_is_better", config.higherIsBetter());
      Map<String, Object> docGroups = new LinkedHashMap<>();
      Map<String, double[][]> plot = new LinkedHashMap<>();
      for (Map.Entry<String, List<Labelled>> g : groups.entrySet()) {
        List<Labelled> xs = g.getValue();
        double[] s = xs.stream().mapToDouble(Labelled::score).toArray();
        boolean[] y = new boolean[xs.size()];
        for (int i = 0; i < y.length; i++) y[i] = xs.get(i).positive();
        RocCurve roc = RocCurve.of(s, y, config.higherIsBetter());
        double t = config.threshold() != null ? config.threshold() : roc.youdenThreshold();
        RocCurve.Confusion cm = RocCurve.confusion(s, y, config.higherIsBetter(), t);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("group", g.getKey());
        v.put("n", (long) xs.size());
        v.put("positives", roc.positives());
        v.put("negatives", roc.negatives());
        v.put("auc", EvaluateMatches.nullIfNaN(roc.auc()));
        v.put("average_precision", EvaluateMatches.nullIfNaN(roc.averagePrecision()));
        v.put("threshold", EvaluateMatches.nullIfNaN(t));
        v.put("tp", cm.tp());
        v.put("fp", cm.fp());
        v.put("tn", cm.tn());
        v.put("fn", cm.fn());
        v.put("precision", EvaluateMatches.nullIfNaN(cm.precision()));
        v.put("recall", EvaluateMatches.nullIfNaN(cm.recall()));
        v.put("fpr", EvaluateMatches.nullIfNaN(cm.fpr()));
        c.output(new Row(stageId + "#" + g.getKey(), v));
        Map<String, Object> d = new LinkedHashMap<>(v);
        Map<String, Object> rocCurve = new LinkedHashMap<>(); // ordered keys: the JSON is the same every run
        rocCurve.put("thresholds", roc.thresholds());
        rocCurve.put("fpr", roc.fpr());
        rocCurve.put("tpr", roc.tpr());
        d.put("roc", rocCurve);
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("precision", roc.precision());
        pr.put("recall", roc.recall());
        d.put("pr", pr);
        docGroups.put(g.getKey(), d);
        if (roc.positives() > 0 && roc.negatives() > 0 && plot.size() < 12) {
          plot.put(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", g.getKey(), roc.auc()), new double[][] {roc.fpr(), roc.tpr()});
        }
      }
      doc.put("groups", docGroups);
      report.write(doc, stageId + ": ROC", "false-positive rate", "true-positive rate", plot);
    }
  }
}
