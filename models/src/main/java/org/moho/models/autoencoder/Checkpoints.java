package org.moho.models.autoencoder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.moho.core.files.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-epoch checkpoints of a training run, in {@code DIR/epoch-NNNN/} (model with updater state
 * as {@code model.zip}, the best weights so far as {@code best.bin}, counters and metrics as
 * {@code state.json}) and a {@code DIR/LATEST} file naming the newest complete one.
 *
 * <p>A checkpoint folder is complete before {@code LATEST} is (atomically) rewritten to point at
 * it, so a run killed at any moment leaves a usable last checkpoint; the previous folder is
 * removed only afterwards. No random-generator state needs saving: the trainer derives each
 * epoch's shuffle and noise generators from (seed, epoch), so the epoch counter is enough.
 */
public final class Checkpoints {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
  static final String LATEST = "LATEST";

  private final Path dir;

  public Checkpoints(Path dir) {
    this.dir = dir;
  }

  /**
   * The counters a resumed run needs besides the network.
   *
   * @param epochsDone epochs finished (the next epoch to run)
   * @param bestLoss best validation loss so far (NaN without validation)
   * @param bestEpoch epoch of bestLoss (-1 without validation)
   * @param sinceBest epochs since bestLoss improved
   * @param stopped true when early stopping ended the run
   * @param dataFingerprint the training data's fingerprint: resuming on other data is refused
   * @param metrics every epoch so far
   */
  public record State(int epochsDone, double bestLoss, int bestEpoch, int sinceBest, boolean stopped,
      String dataFingerprint, List<EpochMetrics> metrics) {}

  /** A loaded checkpoint. {@code best} is null when no validation split is used. */
  public record Loaded(MultiLayerNetwork network, INDArray best, State state) {}

  public void write(MultiLayerNetwork net, INDArray best, State state) throws IOException {
    Files.createDirectories(dir);
    String name = String.format("epoch-%04d", state.epochsDone());
    Path tmp = dir.resolve("." + name + ".tmp");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    ModelSerializer.writeModel(net, tmp.resolve("model.zip").toFile(), true);
    if (best != null) {
      try (OutputStream o = Files.newOutputStream(tmp.resolve("best.bin")); DataOutputStream d = new DataOutputStream(o)) {
        Nd4j.write(best, d);
      }
    }
    Files.writeString(tmp.resolve("state.json"), GSON.toJson(state));
    Path target = dir.resolve(name);
    deleteTree(target);
    AtomicFiles.moveIntoPlace(tmp, target);
    String previous = readLatest().orElse(null);
    AtomicFiles.writeString(dir.resolve(LATEST), name + "\n");
    if (previous != null && !previous.equals(name)) deleteTree(dir.resolve(previous));
  }

  /** The newest complete checkpoint, if any. */
  public Optional<Loaded> latest() throws IOException {
    Optional<String> name = readLatest();
    if (name.isEmpty()) return Optional.empty();
    Path folder = dir.resolve(name.get());
    MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(folder.resolve("model.zip").toFile(), true);
    INDArray best = null;
    if (Files.exists(folder.resolve("best.bin"))) {
      try (InputStream i = Files.newInputStream(folder.resolve("best.bin")); DataInputStream d = new DataInputStream(i)) {
        best = Nd4j.read(d);
      }
    }
    State state = GSON.fromJson(Files.readString(folder.resolve("state.json")), State.class);
    return Optional.of(new Loaded(net, best, state));
  }

  private Optional<String> readLatest() throws IOException {
    Path latest = dir.resolve(LATEST);
    if (!Files.exists(latest)) return Optional.empty();
    return Optional.of(Files.readString(latest, StandardCharsets.UTF_8).trim());
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(q);
    }
  }
}
