package org.moho.pipelines.supervised;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.Row;
import org.moho.core.stage.GatherAll;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/**
 * Gathers every row on one worker and hands them to a training DoFn, whose main output (one row
 * describing the bundle) and errors form the stage's tuple. Training is a global step
 * (DESIGN.md): the whole table must be seen at once to split it and fit the model, so all rows
 * go under one key; shared by {@code glass.train} and {@code mlp.train}. The rows reach the DoFn
 * sorted by key: a GroupByKey delivers them in an order that differs from run to run, and splits
 * and batches built from row positions must not, or a seed would not repeat.
 */
public final class GatherAndTrain extends PTransform<PCollection<Row>, PCollectionTuple> {
  private final DoFn<KV<String, Iterable<Row>>, Row> train;

  /** @param train emits to {@link StageOutputs#main()} and {@link StageOutputs#ERRORS} */
  public GatherAndTrain(DoFn<KV<String, Iterable<Row>>, Row> train) {
    this.train = train;
  }

  @Override
  public PCollectionTuple expand(PCollection<Row> rows) {
    PCollectionTuple out = rows
        .apply("Gather", GatherAll.under("all", SerializableCoder.of(Row.class)))
        .apply("SortByKey", MapElements.via(new SortByKey()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(SerializableCoder.of(Row.class))))
        .apply("Train", ParDo.of(train).withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
    out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
    return out;
  }

  private static final class SortByKey extends SimpleFunction<KV<String, Iterable<Row>>, KV<String, Iterable<Row>>> {
    @Override
    public KV<String, Iterable<Row>> apply(KV<String, Iterable<Row>> all) {
      List<Row> rows = new ArrayList<>();
      all.getValue().forEach(rows::add);
      rows.sort(Comparator.comparing(Row::key));
      return KV.of(all.getKey(), rows);
    }
  }
}
