package org.moho.pipelines.autoencoder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moho.core.data.Row;
import org.moho.models.bundle.ModelInfo;

/**
 * The Row that {@code autoencoder.train} emits to describe the bundle it wrote, and that the
 * {@code model} port of score, encode and threshold reads: column {@code path} is the bundle's
 * folder; the other columns summarise it for people and run reports.
 */
public final class ModelRef {
  private ModelRef() {}

  public static final String PATH = "path";

  static Row of(String key, Path path, ModelInfo info) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(PATH, path.toString());
    v.put("records", (long) info.data().records());
    v.put("train_records", (long) info.data().trainRecords());
    v.put("validation_records", (long) info.data().validationRecords());
    v.put("input_size", (long) info.inputSize());
    v.put("latent_size", (long) info.latentSize());
    v.put("epochs", (long) info.metrics().size());
    v.put("best_epoch", (long) info.bestEpoch() + 1);
    v.put("final_loss", info.finalLoss());
    v.put("data_sha256", info.data().sha256());
    v.put("model_sha256", info.modelSha256());
    return new Row(key, v);
  }

  /** The bundle folder a model Row names. */
  static Path path(Row row) {
    Object p = row.get(PATH);
    if (!(p instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("the model input must be a Row with a '" + PATH + "' column (from autoencoder.train),"
          + " got columns " + row.values().keySet());
    }
    return Path.of(s);
  }
}
