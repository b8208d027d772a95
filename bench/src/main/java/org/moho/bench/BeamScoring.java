package org.moho.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.pipelines.autoencoder.ScoreAutoencoder;

/**
 * Case B through the real {@code autoencoder.score} stage on a Beam runner, parallelism 2 (the
 * cores here): chunk ids → (reshuffled) → a DoFn reading 1000 records per chunk from the case-B
 * file as FeatureVectors → the stage (batch 1024) → a counter. The same pipeline without the
 * stage measures what reading and the runner cost alone. DirectRunner options as {@code moho run}
 * sets them outside tests (immutability and encodability checks off, target parallelism = cores);
 * Flink as {@code moho run --runner flink} sets it (embedded [local], parallelism = cores), and
 * once more with object reuse and faster copy on.
 */
final class BeamScoring {
  static final int CHUNK = 1000;

  private BeamScoring() {}

  static void run(Path data, int runs, Path model, boolean flink, boolean objectReuse) throws Exception {
    Path file = data.resolve("score_200000x256.f32");
    int n = (int) (java.nio.file.Files.size(file) / 4 / PeerArrays.D);
    String runner = flink ? "flink-embedded" + (objectReuse ? "-faster-copy" : "") : "direct";
    for (boolean scoreStage : new boolean[] {true, false}) {
      Timer timer = new Timer();
      long counted = 0;
      for (int r = -1; r < runs; r++) {
        Pipeline p = Pipeline.create(options(flink, objectReuse));
        PCollection<KeyedValues> records = p.apply(Create.of(IntStream.range(0, n / CHUNK).boxed().toList()))
            .apply(Reshuffle.viaRandomKey())
            .apply("Read", ParDo.of(new ReadChunk(file.toString())))
            .setCoder(SerializableCoder.of(KeyedValues.class));
        PCollection<?> out = records;
        if (scoreStage) {
          PCollectionTuple t = p.applyTransform("score", StageInputs.of(records), new ScoreAutoencoder().create(
              new ScoreAutoencoder.Config(model, 1024, false, false), new StageContext("score", data, data, false)));
          out = StageOutputs.main(t);
        }
        out.apply("Count", ParDo.of(new CountFn()));
        timer.start();
        PipelineResult result = p.run();
        result.waitUntilFinish();
        timer.stop();
        counted = count(result);
        if (r < 0) { // warm-up
          timer.wall.clear();
          timer.cpu.clear();
        }
      }
      timer.report(Json.line("B_ae_score", "moho-beam-" + runner + (scoreStage ? "" : "-read-only")).put("parallelism", 2)
          .put("threads_per_worker", SpeedBench.threads()).put("N", n).put("counted", counted), n).print();
    }
  }

  static PipelineOptions options(boolean flink, boolean objectReuse) {
    PipelineOptions o = PipelineOptionsFactory.create();
    if (flink) {
      FlinkPipelineOptions f = o.as(FlinkPipelineOptions.class);
      f.setRunner(FlinkRunner.class);
      f.setFlinkMaster("[local]");
      f.setParallelism(2);
      f.setAttachedMode(true);
      // both off by default: Flink then copies every element between chained operators through
      // its coder (Java serialization for Moho's records); the runner itself suggests fasterCopy
      f.setObjectReuse(objectReuse);
      f.setFasterCopy(objectReuse);
    } else {
      DirectOptions d = o.as(DirectOptions.class);
      d.setRunner(DirectRunner.class);
      d.setTargetParallelism(2);
      d.setEnforceImmutability(false);
      d.setEnforceEncodability(false);
      d.setBlockOnRun(true);
    }
    return o;
  }

  private static long count(PipelineResult result) {
    long c = 0;
    for (MetricResult<Long> m : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("bench", "out")).build()).getCounters()) {
      c += m.getAttempted();
    }
    return c;
  }

  /** Emits the records of one chunk of the case-B file. */
  static final class ReadChunk extends DoFn<Integer, KeyedValues> {
    private final String file;
    private transient FloatBuffer buffer;

    ReadChunk(String file) {
      this.file = file;
    }

    @Setup
    public void setup() throws IOException {
      try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
        buffer = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      }
    }

    @ProcessElement
    public void process(@Element Integer chunk, OutputReceiver<KeyedValues> out) {
      for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) {
        float[] v = new float[PeerArrays.D];
        buffer.get(i * PeerArrays.D, v);
        out.output(new FeatureVector("r" + i, v, Map.of()));
      }
    }
  }

  static final class CountFn extends DoFn<Object, Void> {
    private final Counter out = Metrics.counter("bench", "out");

    @ProcessElement
    public void process() {
      out.inc();
    }
  }
}
