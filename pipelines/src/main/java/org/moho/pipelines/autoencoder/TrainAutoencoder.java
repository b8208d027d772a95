package org.moho.pipelines.autoencoder;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.Patch;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Gather;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.autoencoder.ActivationKind;
import org.moho.models.autoencoder.Architecture;
import org.moho.models.autoencoder.AutoencoderConfig;
import org.moho.models.autoencoder.AutoencoderTrainer;
import org.moho.models.autoencoder.LearningRateSchedule;
import org.moho.models.autoencoder.Scaling;
import org.moho.models.autoencoder.TrainedAutoencoder;
import org.moho.models.autoencoder.TrainingData;
import org.moho.models.autoencoder.UpdaterKind;
import org.moho.models.bundle.ModelBundle;
import org.moho.models.bundle.ModelInfo;

/**
 * {@code autoencoder.train}: gathers every record on one key, and one worker trains an
 * autoencoder on them and writes a model bundle. Training is a global step (it needs all records);
 * scoring is what scales out.
 */
public final class TrainAutoencoder implements StageType<TrainAutoencoder.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("dense, conv1d (waveform windows) or conv2d (square patches)") @Default("dense") Architecture architecture,
      @Doc("dense: encoder widths, the last is the code size (the decoder mirrors them); conv: channels per halving level")
      @Default("[512, 256, 128, 64, 32]") List<Integer> layers,
      @Doc("code size of the convolutional variants") @Default("32") int latentSize,
      @Doc("convolution kernel length or side, odd") @Default("5") int kernelSize,
      @Doc("hidden activation: tanh, relu, sigmoid, scaled-logistic, identity") @Default("tanh") ActivationKind activation,
      @Doc("activation of the reconstruction") @Default("identity") ActivationKind outputActivation,
      @Doc("lower bound f0 of the scaled logistic f0 + (f1 - f0)/(1 + e^-x)") @Default("-1") double f0,
      @Doc("upper bound f1 of the scaled logistic") @Default("1") double f1,
      @Doc("adam or sgd") @Default("adam") UpdaterKind updater,
      @Doc("initial learning rate") @Default("0.001") double learningRate,
      @Doc("learning-rate schedule over epochs: none, step, exponential") @Default("none") LearningRateSchedule schedule,
      @Doc("factor of the step or exponential schedule") @Default("0.5") double decay,
      @Doc("epochs per step of the step schedule") @Default("10") int stepEpochs,
      @Doc("records per gradient step") @Default("64") int batchSize,
      @Doc("maximum number of epochs") @Default("20") int epochs,
      @Doc("L2 weight penalty") @Default("0") double l2,
      @Doc("std of Gaussian noise added to the scaled inputs while training (denoising); 0 for none") @Default("0") double noiseStd,
      @Doc("share of records held out (chosen with the seed) for validation loss and early stopping") @Default("0.1") double validationFraction,
      @Doc("stop after this many epochs without better validation loss; 0 never stops early") @Default("0") int patience,
      @Doc("input scaling fit on the training split: none, standardize, per-feature, minmax") @Default("standardize") Scaling scaling,
      @Doc("seed of weights, split, shuffling and noise: equal seeds give equal models") @Default("42") long seed,
      @Doc("bundle folder to write; default ${out}/model") @Default(Default.NONE) Path path,
      @Doc("write a checkpoint after every epoch into PATH.checkpoints") @Default("true") boolean checkpoint,
      @Doc("continue from the last checkpoint of an interrupted run") @Default("false") boolean resume,
      @Doc("metadata (FeatureVector) or attribute (Patch) key holding a per-record loss weight") @Default(Default.NONE) String weightKey,
      @Doc("values per record; default the most common length, other lengths become errors") @Default(Default.NONE) Integer inputSize,
      @Doc("draw a console progress bar") @Default("true") boolean progress) implements Serializable {

    public Config {
      layers = new java.util.ArrayList<>(layers); // serialisable, whatever list the binder gave
      ConfigException.check(!layers.isEmpty(), "layers", "must list at least one width");
      for (int w : layers) ConfigException.check(w > 0, "layers", "widths must be > 0, got " + layers);
      ConfigException.check(latentSize > 0, "latent_size", "must be > 0, got " + latentSize);
      ConfigException.check(kernelSize > 0 && kernelSize % 2 == 1, "kernel_size", "must be odd and > 0, got " + kernelSize);
      ConfigException.check(f1 > f0, "f1", "must be > f0, got f0=" + f0 + ", f1=" + f1);
      ConfigException.check(learningRate > 0, "learning_rate", "must be > 0, got " + learningRate);
      ConfigException.check(decay > 0 && decay <= 1, "decay", "must be in (0, 1], got " + decay);
      ConfigException.check(stepEpochs > 0, "step_epochs", "must be > 0, got " + stepEpochs);
      ConfigException.check(batchSize > 0, "batch_size", "must be > 0, got " + batchSize);
      ConfigException.check(epochs > 0, "epochs", "must be > 0, got " + epochs);
      ConfigException.check(l2 >= 0, "l2", "must be >= 0, got " + l2);
      ConfigException.check(noiseStd >= 0, "noise_std", "must be >= 0, got " + noiseStd);
      ConfigException.check(validationFraction >= 0 && validationFraction < 1, "validation_fraction",
          "must be in [0, 1), got " + validationFraction);
      ConfigException.check(patience >= 0, "patience", "must be >= 0, got " + patience);
      ConfigException.check(patience == 0 || validationFraction > 0, "patience", "needs validation_fraction > 0");
      ConfigException.check(!resume || checkpoint, "resume", "needs checkpoint: true");
      ConfigException.check(inputSize == null || inputSize > 0, "input_size", "must be > 0, got " + inputSize);
    }

    /** This config without its path (java.nio Path is not Serializable; DoFns carry the path as text). */
    Config withoutPath() {
      return new Config(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1, updater,
          learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction, patience,
          scaling, seed, null, checkpoint, resume, weightKey, inputSize, progress);
    }

    AutoencoderConfig trainer(Path checkpointDir) {
      return new AutoencoderConfig(architecture, layers, latentSize, kernelSize, activation, outputActivation, f0, f1,
          updater, learningRate, schedule, decay, stepEpochs, batchSize, epochs, l2, noiseStd, validationFraction,
          patience, scaling, seed, checkpointDir, resume, progress);
    }
  }

  @Override
  public String description() {
    return "Trains an autoencoder (Valentine & Trampert 2012) on all records of its input, FeatureVectors or Patches:"
        + " the records are gathered on one worker, sorted by key (so the result does not depend on bundle order), and"
        + " one training writes a model bundle (DL4J model, input scaling, model.json with config, data fingerprint,"
        + " per-epoch metrics and training-error percentiles, loss.png) atomically to `path`. Equal seeds on equal data"
        + " give bitwise-equal models; with `checkpoint` every epoch is saved and `resume` continues a killed run to"
        + " the same weights. Records of another length than the model's input, with NaN/infinite values or a bad"
        + " weight go to the errors output. Emits one Row describing the bundle (path, records, final loss...).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("data", KeyedValues.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: model
          use: autoencoder.train
          from: patches
          with: {layers: [256, 64, 16], epochs: 40, validation_fraction: 0.1, patience: 5, seed: 7}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    Path path = config.path() != null ? config.path() : ctx.outFolder().resolve("model");
    return new Train(ctx.stageId(), config, path);
  }

  private static final class Train extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final Config config;
    private final Path path;

    Train(String stageId, Config config, Path path) {
      this.stageId = stageId;
      this.config = config;
      this.path = path;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollection<KeyedValues> data = inputs.get(0);
      PCollectionTuple out = data
          .apply("OneKey", WithKeys.<String, KeyedValues>of("all").withKeyType(TypeDescriptors.strings()))
          .apply("Gather", Gather.byKey())
          .apply("Train", ParDo.of(new TrainFn(stageId, config.withoutPath(), path.toString()))
              .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
      out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(data, Row.class));
      return out;
    }
  }

  /** Trains on the gathered records; rejects records that cannot be trained on. */
  static final class TrainFn extends DoFn<KV<String, Iterable<KeyedValues>>, Row> {
    private final String stageId;
    private final Config config;
    private final String path;
    private final Counter trained;

    TrainFn(String stageId, Config config, String path) {
      this.stageId = stageId;
      this.config = config;
      this.path = path;
      this.trained = Metrics.counter(stageId, "records.trained");
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KeyedValues>> all, MultiOutputReceiver out) {
      List<KeyedValues> records = new ArrayList<>();
      all.getValue().forEach(records::add);
      records.sort(Comparator.comparing(KeyedValues::key).thenComparing(KeyedValues::values, Arrays::compare));
      int n = config.inputSize() != null ? config.inputSize() : mostCommonLength(records);
      List<float[]> values = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<Float> weights = new ArrayList<>();
      for (KeyedValues r : records) {
        String reason = check(r, n);
        Float w = null;
        if (reason == null && config.weightKey() != null) {
          String text = tags(r).get(config.weightKey());
          try {
            w = text == null ? null : Float.parseFloat(text);
          } catch (NumberFormatException e) {
            w = null;
          }
          if (w == null || !(w >= 0) || Float.isInfinite(w)) {
            reason = "weight '" + config.weightKey() + "' is " + (text == null ? "missing" : "'" + text + "'")
                + "; it must be a finite number >= 0";
          }
        }
        if (reason != null) {
          out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, r.key(), reason));
          continue;
        }
        values.add(r.values());
        keys.add(r.key());
        weights.add(w);
      }
      if (values.isEmpty()) {
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, "(all)", "no valid records to train on"));
        return;
      }
      float[] w = null;
      if (config.weightKey() != null) {
        w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
      }
      Path bundle = Path.of(path);
      Path checkpoints = config.checkpoint() ? bundle.resolveSibling(bundle.getFileName() + ".checkpoints") : null;
      TrainedAutoencoder t = new AutoencoderTrainer(config.trainer(checkpoints))
          .train(new TrainingData(values.toArray(new float[0][]), keys, w));
      try {
        ModelInfo info = ModelBundle.write(bundle, t);
        trained.inc(values.size());
        out.get(StageOutputs.<Row>main()).output(ModelRef.of(stageId, bundle, info));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the model bundle " + bundle + ": " + e.getMessage(), e);
      }
    }

    private static String check(KeyedValues r, int n) {
      float[] v = r.values();
      if (v.length != n) {
        return "has " + v.length + " values but the model takes " + n + " (the input size of this training set)";
      }
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) return "value " + i + " is " + v[i] + "; an autoencoder needs finite values";
      }
      return null;
    }

    /** The length most records have; ties go to the smaller length. */
    private static int mostCommonLength(List<KeyedValues> records) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (KeyedValues r : records) counts.merge(r.values().length, 1, Integer::sum);
      return counts.entrySet().stream()
          .max(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(0);
    }
  }

  /** A record's text tags: FeatureVector metadata or Patch attributes. */
  static Map<String, String> tags(KeyedValues r) {
    if (r instanceof FeatureVector f) return f.metadata();
    if (r instanceof Patch p) return p.attributes();
    return Map.of();
  }
}
