package org.moho.models.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.moho.core.files.AtomicFiles;
import org.moho.core.run.Versions;
import org.moho.models.autoencoder.Architecture;
import org.moho.models.autoencoder.NetworkFactory;
import org.moho.models.autoencoder.Normaliser;
import org.moho.models.autoencoder.TrainedAutoencoder;

/**
 * A trained autoencoder on disk: a folder holding
 * <ul>
 *   <li>{@code model.zip}: the DL4J network with its updater state (ModelSerializer), so that a
 *       model can also be trained further;
 *   <li>{@code normaliser.json}: the input scaling used in training ({@link Normaliser});
 *   <li>{@code model.json}: {@link ModelInfo}, i.e. architecture, config, training-data
 *       fingerprint, per-epoch metrics, training-error percentiles, versions, time and the
 *       SHA-256 of model.zip;
 *   <li>{@code loss.png}: the loss curve.
 * </ul>
 * The folder is written complete into a hidden sibling and renamed into place, so a reader never
 * sees half a bundle; {@link #load} refuses a model.zip whose checksum differs from model.json.
 */
public final class ModelBundle {
  public static final String MODEL = "model.zip";
  public static final String NORMALISER = "normaliser.json";
  public static final String INFO = "model.json";
  public static final String LOSS_CURVE = "loss.png";
  static final int FORMAT = 1;

  private final Path dir;
  private final ModelInfo info;
  private final Normaliser normaliser;
  private final MultiLayerNetwork network;

  private ModelBundle(Path dir, ModelInfo info, Normaliser normaliser, MultiLayerNetwork network) {
    this.dir = dir;
    this.info = info;
    this.normaliser = normaliser;
    this.network = network;
  }

  public Path dir() {
    return dir;
  }

  public ModelInfo info() {
    return info;
  }

  public Normaliser normaliser() {
    return normaliser;
  }

  /** The network; not thread-safe (DL4J), so each worker loads its own bundle. */
  public MultiLayerNetwork network() {
    return network;
  }

  /** Writes {@code trained} as a bundle at {@code dir}, replacing an older bundle there. */
  public static ModelInfo write(Path dir, TrainedAutoencoder trained) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(tmp);
      ModelSerializer.writeModel(trained.network(), tmp.resolve(MODEL).toFile(), true);
      Files.writeString(tmp.resolve(NORMALISER), trained.normaliser().toJson());
      LossCurve.write(trained.metrics(), tmp.resolve(LOSS_CURVE));
      ModelInfo info = info(trained, Sha256.of(tmp.resolve(MODEL)));
      Files.writeString(tmp.resolve(INFO), BundleJson.GSON.toJson(info));
      replace(tmp, target);
      return info;
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Loads a bundle, checking that model.json is there, that model.zip matches its checksum and
   * that the network takes the input size model.json records.
   *
   * @throws BundleException with a message naming the folder and what is wrong
   */
  public static ModelBundle load(Path dir) {
    ModelInfo info = readInfo(dir);
    Path model = dir.resolve(MODEL);
    if (!Files.exists(model)) throw new BundleException("model bundle " + dir + " has no " + MODEL);
    try {
      String sha = Sha256.of(model);
      if (!sha.equals(info.modelSha256())) {
        throw new BundleException("model bundle " + dir + ": " + MODEL + " does not match the checksum in " + INFO
            + " (expected SHA-256 " + info.modelSha256() + ", found " + sha + "); the file was changed or damaged"
            + " after training: restore it or train again");
      }
      Normaliser normaliser = Normaliser.fromJson(Files.readString(dir.resolve(NORMALISER), StandardCharsets.UTF_8));
      MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true);
      int netInput = networkInputSize(net);
      if (netInput != info.inputSize()) {
        throw new BundleException("model bundle " + dir + ": " + INFO + " says the model takes " + info.inputSize()
            + " values per record but the network in " + MODEL + " takes " + netInput);
      }
      if (normaliser.offset().length != 1 && normaliser.offset().length != info.inputSize()) {
        throw new BundleException("model bundle " + dir + ": " + NORMALISER + " scales " + normaliser.offset().length
            + " values but the model takes " + info.inputSize());
      }
      return new ModelBundle(dir, info, normaliser, net);
    } catch (IOException e) {
      throw new BundleException("cannot read model bundle " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Reads only model.json (cheap: no network). */
  public static ModelInfo readInfo(Path dir) {
    Path json = dir.resolve(INFO);
    if (!Files.isDirectory(dir)) throw new BundleException("no model bundle at " + dir + ": no such folder");
    if (!Files.exists(json)) throw new BundleException("not a model bundle: " + dir + " has no " + INFO);
    try {
      ModelInfo info = BundleJson.GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), ModelInfo.class);
      if (info == null || info.inputSize() <= 0 || info.modelSha256() == null) {
        throw new BundleException("model bundle " + dir + ": " + INFO + " lacks input_size or the model checksum");
      }
      return info;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BundleException b) throw b;
      throw new BundleException("cannot read " + json + ": " + e.getMessage(), e);
    }
  }

  /** Throws a clear {@link BundleException} unless the model takes records of {@code n} values. */
  public ModelBundle requireInputSize(int n) {
    if (n != info.inputSize()) {
      throw new BundleException("model bundle " + dir + " takes records of " + info.inputSize() + " values, but "
          + "these records have " + n + ": score with the features the model was trained on (same window, patch size)");
    }
    return this;
  }

  /** A text summary for {@code moho model info DIR}. */
  public static String describe(Path dir) {
    return describe(dir, readInfo(dir));
  }

  public String describe() {
    return describe(dir, info);
  }

  private static String describe(Path dir, ModelInfo i) {
    StringBuilder s = new StringBuilder();
    s.append("model bundle ").append(dir).append('\n');
    s.append("  kind           ").append(i.kind()).append(", ").append(i.config().architecture().name().toLowerCase())
        .append(", input ").append(i.inputSize()).append(", code ").append(i.latentSize())
        .append(" (layer ").append(i.latentLayer()).append("), ").append(i.parameters()).append(" parameters\n");
    s.append("  layers\n");
    for (String l : i.layers()) s.append("    ").append(l).append('\n');
    s.append("  activation     ").append(i.config().activation().name().toLowerCase());
    s.append(", output ").append(i.config().outputActivation().name().toLowerCase()).append('\n');
    s.append("  training       ").append(i.config().updater().name().toLowerCase()).append(" lr ")
        .append(i.config().learningRate()).append(" (").append(i.config().schedule().name().toLowerCase())
        .append("), batch ").append(i.config().batchSize()).append(", ").append(i.metrics().size()).append(" of ")
        .append(i.config().epochs()).append(" epochs").append(i.stoppedEarly() ? " (stopped early)" : "")
        .append(", seed ").append(i.config().seed()).append('\n');
    s.append("  data           ").append(i.data().records()).append(" records (").append(i.data().trainRecords())
        .append(" train, ").append(i.data().validationRecords()).append(" validation), sha256 ")
        .append(i.data().sha256()).append('\n');
    s.append("  final loss     ").append(i.finalLoss()).append(" (best epoch ").append(i.bestEpoch() + 1).append(")\n");
    if (i.errorPercentiles() != null && i.errorPercentiles().length > 1) {
      s.append(String.format("  training MSE   median %.6g, 95%% %.6g, 99%% %.6g%n", i.errorAtPercentile(50),
          i.errorAtPercentile(95), i.errorAtPercentile(99)));
    }
    s.append("  software       ");
    i.software().forEach((k, v) -> s.append(k).append(' ').append(v).append("; "));
    s.setLength(s.length() - 2);
    s.append('\n');
    s.append("  created        ").append(i.created()).append('\n');
    s.append("  model sha256   ").append(i.modelSha256()).append('\n');
    return s.toString();
  }

  private static ModelInfo info(TrainedAutoencoder t, String sha) {
    MultiLayerNetwork net = t.network();
    List<String> layers = new ArrayList<>();
    for (int k = 0; k < net.getnLayers(); k++) {
      Layer l = net.getLayerWiseConfigurations().getConf(k).getLayer();
      String size = l instanceof FeedForwardLayer f ? " " + f.getNIn() + " -> " + f.getNOut() : "";
      String act = l instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b && b.getActivationFn() != null
          ? " " + b.getActivationFn() : "";
      layers.add(k + ": " + l.getClass().getSimpleName() + size + act + ", " + net.getLayer(k).numParams() + " params");
    }
    int latentLayer = NetworkFactory.latentLayer(t.config());
    int latentSize = t.config().architecture() == Architecture.DENSE
        ? t.config().layers().get(t.config().layers().size() - 1) : t.config().latentSize();
    Map<String, String> software = new LinkedHashMap<>();
    software.put("moho", Versions.moho());
    software.put("dl4j", dl4jVersion());
    software.put("java", Versions.java());
    software.put("os", Versions.platform());
    return new ModelInfo(FORMAT, "autoencoder", t.inputSize(), latentSize, latentLayer, net.numParams(), layers,
        t.config(), new ModelInfo.DataInfo(t.dataFingerprint(), t.trainRecords() + t.validationRecords(),
            t.trainRecords(), t.validationRecords()),
        t.metrics(), t.bestEpoch(), t.stoppedEarly(), t.finalLoss(), t.errorPercentiles(), software,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), sha);
  }

  /** The input size the network itself declares (first layer nIn, or its CNN reshape). */
  static int networkInputSize(MultiLayerNetwork net) {
    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(0);
    if (pre instanceof FeedForwardToCnnPreProcessor cnn) {
      return (int) (cnn.getInputHeight() * cnn.getInputWidth() * cnn.getNumChannels());
    }
    Layer first = net.getLayerWiseConfigurations().getConf(0).getLayer();
    if (first instanceof FeedForwardLayer f) return (int) f.getNIn();
    throw new BundleException("cannot tell the input size of a network starting with " + first.getClass().getSimpleName());
  }

  static String dl4jVersion() {
    try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(
        "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Renames the complete folder {@code tmp} onto {@code target}. A rename cannot replace a
   * non-empty folder, so an old bundle is first renamed aside and deleted after the swap; a reader
   * may briefly find no bundle, never a half-written one.
   */
  private static void replace(Path tmp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(target, old);
    }
    AtomicFiles.moveIntoPlace(tmp, target);
    if (old != null) deleteTree(old);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(q);
    }
  }
}
