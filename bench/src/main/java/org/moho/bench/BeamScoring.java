package org.moho.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.moho.core.data.FeatureVector;
import org.moho.core.data.KeyedValues;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.RowBatch;
import org.moho.core.graph.FusedStages;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.models.autoencoder.ReconstructionErrorScorer;
import org.moho.pipelines.autoencoder.ScoreAutoencoder;
import org.moho.pipelines.autoencoder.ScoreAutoencoderBatches;

/**
 * Case B through the real scoring stages on a Beam runner, parallelism 2 (the cores here): chunk
 * ids → (reshuffled) → a DoFn reading {@link #CHUNK} records per chunk from the case-B file →
 * the stage → a counter of records. The file is read {@link #PASSES} times (1,000,000 records),
 * so that the runner's fixed start-up cost is spread as in a real run. Two element layouts:
 * <ul>
 *   <li>{@code records}: one FeatureVector per element → {@code autoencoder.score} (batch 1024);
 *   <li>{@code batched}: one RecordBatch of {@link #BATCH} records per element →
 *       {@code autoencoder.score-batches} → RowBatches, counted as the rows they hold;
 *   <li>{@code fused}: the reader and {@code autoencoder.score-batches} as one step, as
 *       {@code moho run} compiles a chain of per-record stages ({@link FusedStages}): the reader's
 *       {@link ReadChunk} and the stage's own {@link ScoreAutoencoderBatches.ScoreBatch}.
 * </ul>
 * The first two also without the stage, to show what reading and the runner cost alone. Chunks of 10,000
 * records, as a reader of 10 MB files gives: the DirectRunner's cost per bundle is fixed (Beam's own
 * ParDoEvaluatorFactory re-translates every ParDo to its protobuf form for each bundle, several ms;
 * moho-runners' copy of that class, first on this module's classpath, does it once per step; put
 * beam-runners-direct-java's jar first on the classpath to measure Beam's). DirectRunner options as {@code moho run}
 * sets them outside tests (immutability and encodability checks off, target parallelism =
 * cores); Flink as {@code moho run --runner flink} sets it (embedded [local], parallelism =
 * cores), and once more with object reuse and faster copy on. System properties
 * {@code moho.bench.chunk} and {@code moho.bench.passes} change the chunk size and the number of
 * passes, to see the runner's per-bundle and fixed costs.
 */
final class BeamScoring {
  static final int CHUNK = Integer.getInteger("moho.bench.chunk", 10_000);
  static final int BATCH = 1000;
  static final int PASSES = Integer.getInteger("moho.bench.passes", 5);

  private BeamScoring() {}

  /** How the records travel between the reader and the scoring stage. */
  enum Layout { RECORDS, BATCHES, FUSED }

  static void run(Path data, int runs, Path model, boolean flink, boolean objectReuse, Layout layout) throws Exception {
    Path file = data.resolve("score_200000x256.f32");
    int n = (int) (java.nio.file.Files.size(file) / 4 / PeerArrays.D);
    int chunks = n / CHUNK;
    long total = (long) PASSES * chunks * CHUNK;
    String runner = flink ? "flink-embedded" + (objectReuse ? "-faster-copy" : "") : "direct";
    for (boolean scoreStage : layout == Layout.FUSED ? new boolean[] {true} : new boolean[] {true, false}) {
      Timer timer = new Timer();
      long counted = 0;
      for (int r = -1; r < runs; r++) {
        Pipeline p = Pipeline.create(options(flink, objectReuse));
        PCollection<Integer> ids = p.apply(Create.of(IntStream.range(0, PASSES * chunks).map(i -> i % chunks).boxed().toList()))
            .apply(Reshuffle.viaRandomKey());
        PCollection<?> out;
        if (layout == Layout.FUSED) {
          FusedStages chain = FusedStages.of(List.of("read", "score"), List.of(new ReadChunk(file.toString()),
              new ScoreAutoencoderBatches.ScoreBatch("score", new ScoreAutoencoderBatches.Config(model, false, false))), RowBatch.class);
          @SuppressWarnings({"unchecked", "rawtypes"})
          PCollection<Object> input = (PCollection) ids;
          out = StageOutputs.main(input.apply("read+score", chain));
        } else if (layout == Layout.BATCHES) {
          PCollection<RecordBatch> batches = ids.apply("Read", ParDo.of(new ReadBatches(file.toString())))
              .setCoder(SerializableCoder.of(RecordBatch.class));
          out = !scoreStage ? batches : StageOutputs.main(p.applyTransform("score", StageInputs.of(batches),
              new ScoreAutoencoderBatches().create(new ScoreAutoencoderBatches.Config(model, false, false),
                  new StageContext("score", data, data, false))));
        } else {
          PCollection<KeyedValues> records = ids.apply("Read", ParDo.of(new ReadRecords(file.toString())))
              .setCoder(SerializableCoder.of(KeyedValues.class));
          out = !scoreStage ? records : StageOutputs.main(p.applyTransform("score", StageInputs.of(records),
              new ScoreAutoencoder().create(new ScoreAutoencoder.Config(model, 1024, false, false),
                  new StageContext("score", data, data, false))));
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
      if (counted != total) throw new IllegalStateException("counted " + counted + " records, expected " + total);
      String name = switch (layout) {
        case RECORDS -> "-records";
        case BATCHES -> "-batched";
        case FUSED -> "-fused";
      };
      timer.report(Json.line("B_ae_score", "moho-beam-" + runner + name + (scoreStage ? "" : "-read-only"))
          .put("parallelism", 2).put("threads_per_worker", SpeedBench.threads()).put("N", total).put("counted", counted)
          .put("chunk", CHUNK).put("batch", layout == Layout.RECORDS ? 1 : BATCH), (int) total).print();
    }
  }

  /**
   * The pipeline's work without Beam: two worker threads take the same chunk ids (the file read
   * {@link #PASSES} times), read each chunk into RecordBatches of {@link #BATCH} exactly as
   * {@link ReadBatches} does, and score them with the stage's own per-batch code
   * ({@link ScoreAutoencoderBatches#score}), one scorer per worker. It allocates what the pipeline
   * allocates, so the ratio of the pipeline to this loop is what the runner adds; the ratio to
   * {@code workers} (preloaded arrays, no reading) includes the reading too.
   */
  static void rawLoop(Path data, int runs, Path model) throws Exception {
    Path file = data.resolve("score_200000x256.f32");
    int n = (int) (java.nio.file.Files.size(file) / 4 / PeerArrays.D);
    int chunks = n / CHUNK;
    long total = (long) PASSES * chunks * CHUNK;
    int workers = 2;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<ReadBatches> readers = new ArrayList<>();
    List<ReconstructionErrorScorer> scorers = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      ReadBatches reader = new ReadBatches(file.toString());
      reader.setup();
      readers.add(reader);
      scorers.add(ReconstructionErrorScorer.load(model));
    }
    Timer timer = new Timer();
    long counted = 0;
    for (int r = -1; r < runs; r++) {
      AtomicInteger next = new AtomicInteger();
      AtomicLong rows = new AtomicLong();
      timer.start();
      List<Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        ReadBatches reader = readers.get(w);
        ReconstructionErrorScorer scorer = scorers.get(w);
        fs.add(pool.submit(() -> {
          for (int id = next.getAndIncrement(); id < PASSES * chunks; id = next.getAndIncrement()) {
            for (RecordBatch b : reader.read(id % chunks)) {
              RowBatch scored = ScoreAutoencoderBatches.score(scorer, b, false, false, "score", e -> {
                throw new IllegalStateException(e.toString());
              });
              rows.addAndGet(scored.size());
            }
          }
        }));
      }
      for (Future<?> f : fs) f.get();
      timer.stop();
      counted = rows.get();
      if (r < 0) { // warm-up
        timer.wall.clear();
        timer.cpu.clear();
      }
    }
    pool.shutdown();
    if (counted != total) throw new IllegalStateException("counted " + counted + " records, expected " + total);
    timer.report(Json.line("B_ae_score", "moho-raw-read-and-score").put("workers", workers)
        .put("threads_per_worker", SpeedBench.threads()).put("N", total).put("chunk", CHUNK).put("batch", BATCH), (int) total).print();
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

  /**
   * The case-B file, memory-mapped once per JVM, as the raw loops read it. A pipeline run makes
   * new DoFn instances; mapping the file in each would add the page-table faults of 200 MB to every
   * run (~0.2 s here), a cost of this benchmark's reader that the raw loop does not pay.
   */
  private static final Map<String, FloatBuffer> MAPPED = new ConcurrentHashMap<>();

  static FloatBuffer mapped(String file) {
    return MAPPED.computeIfAbsent(file, f -> {
      try (FileChannel ch = FileChannel.open(Path.of(f), StandardOpenOption.READ)) {
        return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).duplicate();
  }

  /** The case-B file, read through the shared mapping. */
  abstract static class ChunkReader<T> extends DoFn<Integer, T> {
    private final String file;
    transient FloatBuffer buffer;

    ChunkReader(String file) {
      this.file = file;
    }

    @Setup
    public void setup() {
      buffer = mapped(file);
    }

    FeatureVector record(int i) {
      float[] v = new float[PeerArrays.D];
      buffer.get(i * PeerArrays.D, v);
      return new FeatureVector("r" + i, v, Map.of());
    }
  }

  /** Emits the records of one chunk, one element each. */
  static final class ReadRecords extends ChunkReader<KeyedValues> {
    ReadRecords(String file) {
      super(file);
    }

    @ProcessElement
    public void process(@Element Integer chunk, OutputReceiver<KeyedValues> out) {
      for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) out.output(record(i));
    }
  }

  /** Emits the records of one chunk as RecordBatches of {@link #BATCH}, read by column straight from the file. */
  static final class ReadBatches extends ChunkReader<RecordBatch> {
    ReadBatches(String file) {
      super(file);
    }

    @ProcessElement
    public void process(@Element Integer chunk, OutputReceiver<RecordBatch> out) {
      for (RecordBatch b : read(chunk)) out.output(b);
    }

    List<RecordBatch> read(int chunk) {
      return batches(buffer, chunk);
    }
  }

  /** The reader as a per-record function, chunk id → its batches, for the fused layout. */
  static final class ReadChunk implements RecordFn<Integer, RecordBatch> {
    private final String file;
    private transient FloatBuffer buffer;

    ReadChunk(String file) {
      this.file = file;
    }

    @Override
    public void setup() {
      buffer = mapped(file);
    }

    @Override
    public void apply(Integer chunk, Consumer<RecordBatch> out) {
      for (RecordBatch b : batches(buffer, chunk)) out.accept(b);
    }
  }

  /** The batches of one chunk, read by column straight from the file. */
  static List<RecordBatch> batches(FloatBuffer buffer, int chunk) {
      List<RecordBatch> batches = new ArrayList<>(CHUNK / BATCH);
      for (int b = chunk * CHUNK; b < (chunk + 1) * CHUNK; b += BATCH) {
        String[] keys = new String[BATCH];
        for (int i = 0; i < BATCH; i++) keys[i] = "r" + (b + i);
        float[] values = new float[BATCH * PeerArrays.D];
        buffer.get(b * PeerArrays.D, values);
        batches.add(new RecordBatch(keys, PeerArrays.D, values, java.util.Collections.nCopies(BATCH, Map.of()), null, null));
      }
      return batches;
  }

  /** Counts records (a batch as the records it holds). */
  static final class CountFn extends DoFn<Object, Void> {
    private final Counter out = Metrics.counter("bench", "out");

    @ProcessElement
    public void process(@Element Object e) {
      out.inc(e instanceof RecordBatch b ? b.size() : e instanceof RowBatch b ? b.size() : 1);
    }
  }
}
