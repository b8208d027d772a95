package org.moho.pipelines.supervised;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.WithErrors;

/**
 * The transform of a batched predict stage: the model from the model port or {@code with.bundle}
 * ({@link ModelSource}), then the rows scored by the stage's {@link BatchedPredictFn}.
 * {@code glass.predict} and {@code mlp.predict} differ only in the model and the DoFn, so their
 * ports and wiring live here once, as {@link GatherAndTrain} holds the train stages' wiring.
 *
 * @param <M> the loaded model
 */
public final class PredictInBatches<M> extends PTransform<StageInputs, PCollectionTuple> {
  /** The rows to score, then the optional model row of {@code kind.train}; {@link #expand} reads them in this order. */
  public static final List<Port> PORTS = List.of(Port.of("rows", Row.class), Port.optional("model", Row.class));

  private final Path bundle;
  private final String stageId;
  private final String kind;
  private final ModelSource.Loader<M> loader;
  private final Function<ModelSource<M>, BatchedPredictFn<M>> fn;

  /**
   * @param bundle the stage's {@code bundle} key, or null
   * @param kind the bundle's kind for messages ("glass", "mlp")
   * @param fn the stage's DoFn around the model source (which exists only once the inputs do)
   */
  public PredictInBatches(Path bundle, String stageId, String kind, ModelSource.Loader<M> loader,
      Function<ModelSource<M>, BatchedPredictFn<M>> fn) {
    this.bundle = bundle;
    this.stageId = stageId;
    this.kind = kind;
    this.loader = loader;
    this.fn = fn;
  }

  @Override
  public PCollectionTuple expand(StageInputs inputs) {
    ModelSource<M> source = ModelSource.of(inputs, 1, bundle, stageId, kind, loader);
    PCollection<Row> rows = inputs.get(0);
    PCollectionTuple out = rows.apply("Predict", source.parDo(fn.apply(source)));
    out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
    return out;
  }
}
