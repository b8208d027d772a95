package org.moho.pipelines.glass;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.moho.core.data.Row;
import org.moho.core.stage.StageInputs;
import org.moho.models.glass.GlassModel;

/**
 * Where a glass stage finds its bundle: the {@code bundle} column of the row on its {@code model}
 * port (so the stage waits for glass.train), else the configured path. Loads it once per worker.
 */
final class BundleSource implements Serializable {
  private final String configured;
  private final PCollectionView<Row> view;
  private transient GlassModel model;

  private BundleSource(String configured, PCollectionView<Row> view) {
    this.configured = configured;
    this.view = view;
  }

  static BundleSource of(StageInputs inputs, int modelPort, Path configured, String stage) {
    PCollectionView<Row> view = null;
    if (inputs.present(modelPort)) {
      PCollection<Row> m = inputs.get(modelPort);
      view = m.apply("ModelView", View.asSingleton());
    } else if (configured == null) {
      throw new IllegalArgumentException(stage + ": set with.bundle or connect the model port to glass.train");
    }
    return new BundleSource(configured == null ? null : configured.toString(), view);
  }

  PCollectionView<Row> view() {
    return view;
  }

  GlassModel get(Row modelRow) {
    if (model == null) {
      Path p = modelRow != null ? Path.of(String.valueOf(modelRow.get("bundle"))) : Path.of(configured);
      try {
        model = GlassModel.load(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the glass bundle " + p + ": " + e.getMessage(), e);
      }
    }
    return model;
  }
}
