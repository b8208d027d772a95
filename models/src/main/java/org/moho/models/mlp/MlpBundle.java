package org.moho.models.mlp;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.moho.core.files.AtomicFiles;
import org.moho.core.run.Versions;

/**
 * A committee on disk: {@code graph.sd} (SameDiff, all members) and {@code model.json} (features,
 * target, class labels, standardiser, settings, data fingerprint, per-epoch metrics, versions),
 * written in a hidden temporary folder and renamed into place.
 */
public record MlpBundle(MlpCommittee committee, List<String> features, String target, List<String> classLabels) {
  public static final String FORMAT = "moho.mlp/1";

  public boolean classification() {
    return !classLabels.isEmpty();
  }

  public static void write(Path bundle, MlpBundle b, MlpSettings s, EnsembleTrainer.History h, String fingerprint,
      Map<String, Object> metrics, Map<String, Object> split) throws IOException {
    Path parent = bundle.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + bundle.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    try {
      b.committee().saveGraph(tmp.resolve("graph.sd"));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("format", FORMAT);
      j.put("features", b.features());
      j.put("target", b.target());
      j.put("class_labels", b.classLabels());
      j.put("members", b.committee().members());
      j.put("config", s);
      j.put("data", Map.of("fingerprint_sha256", fingerprint));
      j.put("split", split);
      j.put("standardizer", Map.of("mean", b.committee().inputs().mean(), "scale", b.committee().inputs().scale()));
      j.put("target_scaling", Map.of("mean", b.committee().targetMean(), "scale", b.committee().targetScale()));
      List<Map<String, Object>> epochs = new ArrayList<>();
      for (EnsembleTrainer.Epoch e : h.epochs()) {
        epochs.add(Map.of("epoch", e.epoch(), "train_loss", e.trainLoss(), "validation_loss", e.validationLoss(),
            "learning_rate", e.learningRate(), "seconds", e.seconds()));
      }
      j.put("training", Map.of("epochs", epochs, "best_epoch", h.bestEpoch(), "seconds", h.seconds()));
      j.put("metrics", metrics);
      j.put("versions", Map.of("moho", Versions.moho(), "dl4j", "1.0.0-M2.1", "java", Versions.java(),
          "platform", Versions.platform()));
      Files.writeString(tmp.resolve("model.json"),
          new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(j),
          StandardCharsets.UTF_8);
      Path old = null;
      if (Files.exists(bundle)) {
        old = bundle.resolveSibling("." + bundle.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(bundle, old);
      }
      AtomicFiles.moveIntoPlace(tmp, bundle);
      if (old != null) deleteTree(old);
    } finally {
      deleteTree(tmp);
    }
  }

  public static MlpBundle load(Path bundle) throws IOException {
    JsonObject j = JsonParser.parseString(Files.readString(bundle.resolve("model.json"), StandardCharsets.UTF_8))
        .getAsJsonObject();
    if (!FORMAT.equals(j.get("format").getAsString())) throw new IOException("not an mlp bundle: " + bundle);
    List<String> features = strings(j.getAsJsonArray("features"));
    List<String> labels = strings(j.getAsJsonArray("class_labels"));
    JsonObject std = j.getAsJsonObject("standardizer");
    JsonObject ts = j.getAsJsonObject("target_scaling");
    MlpCommittee c = MlpCommittee.load(bundle.resolve("graph.sd"),
        new Standardizer(doubles(std.getAsJsonArray("mean")), doubles(std.getAsJsonArray("scale"))),
        ts.get("mean").getAsDouble(), ts.get("scale").getAsDouble(), j.get("members").getAsInt(),
        labels.isEmpty() ? 1 : labels.size());
    return new MlpBundle(c, features, j.get("target").getAsString(), labels);
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static double[] doubles(JsonArray a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
    return v;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }
}
