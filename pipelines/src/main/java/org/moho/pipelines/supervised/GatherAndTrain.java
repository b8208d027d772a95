package org.moho.pipelines.supervised;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.Row;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/**
 * Gathers every row on one worker and hands them to a training DoFn, whose main output (one row
 * describing the bundle) and errors form the stage's tuple. Training is a global step
 * (DESIGN.md): the whole table must be seen at once to split it and fit the model, so all rows
 * go under one key; shared by {@code glass.train} and {@code mlp.train}.
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
        .apply("KeyAll", WithKeys.<String, Row>of("all"))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Row.class)))
        .apply("Gather", GroupByKey.create())
        .apply("Train", ParDo.of(train).withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
    out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
    return out;
  }
}
