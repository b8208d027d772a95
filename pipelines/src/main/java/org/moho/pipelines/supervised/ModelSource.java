package org.moho.pipelines.supervised;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.Row;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;

/**
 * Where a predicting stage finds its model bundle: the {@code bundle} column of the row on its
 * model port (a side input, so the stage waits for the training stage), else the configured
 * path. The bundle is loaded once per worker (per deserialised copy of the DoFn holding this).
 *
 * @param <M> the loaded model
 */
public final class ModelSource<M> implements Serializable {
  /** Reads a bundle folder. */
  @FunctionalInterface
  public interface Loader<M> extends Serializable {
    M load(Path bundle) throws IOException;
  }

  private final String configured;
  private final PCollectionView<Row> view;
  private final String kind;
  private final Loader<M> loader;
  private transient M model;

  private ModelSource(String configured, PCollectionView<Row> view, String kind, Loader<M> loader) {
    this.configured = configured;
    this.view = view;
    this.kind = kind;
    this.loader = loader;
  }

  /**
   * @param modelPort index of the optional model input port
   * @param configured the stage's {@code bundle} key, or null
   * @param kind the bundle's kind for messages ("glass", "mlp"); the training stage is {@code kind.train}
   * @throws IllegalArgumentException when neither the port is connected nor a bundle configured
   */
  public static <M> ModelSource<M> of(StageInputs inputs, int modelPort, Path configured, String stage, String kind,
      Loader<M> loader) {
    PCollectionView<Row> view = null;
    if (inputs.present(modelPort)) {
      PCollection<Row> m = inputs.get(modelPort);
      view = m.apply("ModelView", View.asSingleton());
    } else if (configured == null) {
      throw new IllegalArgumentException(stage + ": set with.bundle or connect the model port to " + kind + ".train");
    }
    return new ModelSource<>(configured == null ? null : configured.toString(), view, kind, loader);
  }

  /** The side input the DoFn reads ({@link #parDo} attaches it), or null when the bundle is configured. */
  public PCollectionView<Row> view() {
    return view;
  }

  /**
   * {@code fn} as the ParDo of a stage that reads this model: with the side input when the port is
   * connected (the DoFn passes it to {@link #get}), emitting the stage's main output and errors.
   * Every stage with a ModelSource (the predict stages, {@code glass.curves}) is wired this way.
   */
  public <I> ParDo.MultiOutput<I, Row> parDo(DoFn<I, Row> fn) {
    ParDo.SingleOutput<I, Row> p = ParDo.of(fn);
    if (view != null) p = p.withSideInputs(view);
    return p.withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS));
  }

  /** The model, loaded on first use from the model row's bundle (when the port is connected) or the configured one. */
  public M get(Row modelRow) {
    if (model == null) {
      Path p = modelRow != null ? Path.of(String.valueOf(modelRow.get("bundle"))) : Path.of(configured);
      try {
        model = loader.load(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the " + kind + " bundle " + p + ": " + e.getMessage(), e);
      }
    }
    return model;
  }
}
