package org.moho.pipelines.detect;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.spec.Problems;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageType;

/** Runs one stage on the DirectRunner with its config bound from YAML, as a spec would bind it. */
public final class StageHarness {
  private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
  private StageHarness() {}

  public static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  /** The config record bound from a {@code with:} block written as YAML; fails on any problem. */
  public static <C extends Record> C bind(Class<C> type, String yaml) {
    Problems problems = new Problems();
    C c = bindOrProblems(type, yaml, problems);
    if (problems.hasErrors()) throw new AssertionError(problems.all().toString());
    return c;
  }

  public static <C extends Record> C bindOrProblems(Class<C> type, String yaml, Problems problems) {
    YNode node = new YamlReader().read(Path.of("with.yaml"), yaml.getBytes(StandardCharsets.UTF_8), problems);
    return new ConfigBinder(Path.of("."), "stage 'test'", problems).bind(type, (YNode.Mapping) node);
  }

  @SafeVarargs
  public static <T extends Serializable> PCollection<T> create(Pipeline p, Class<T> type, T... elements) {
    return p.apply("Create" + elements.length + type.getSimpleName() + COUNT.incrementAndGet(), Create.of(List.of(elements)).withCoder(SerializableCoder.of(type)));
  }

  public static <T extends Serializable> PCollection<T> of(Pipeline p, Class<T> type, List<T> elements) {
    return p.apply("Create" + type.getSimpleName() + COUNT.incrementAndGet(), Create.of(elements).withCoder(SerializableCoder.of(type)));
  }

  public static <C extends Record> PCollectionTuple apply(StageType<C> stage, C config, PCollection<?> input) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    return Pipeline.applyTransform("stage", StageInputs.of(input), stage.create(config, new StageContext("stage", tmp, tmp, false)));
  }

  /** Applies a stage with several ports (null for an absent optional port), writing to {@code out}. */
  public static <C extends Record> PCollectionTuple apply(String id, StageType<C> stage, C config, Path out,
      Pipeline p, PCollection<?>... inputs) {
    return Pipeline.applyTransform(id, new StageInputs(p, java.util.Arrays.asList(inputs)),
        stage.create(config, new StageContext(id, out, out, false)));
  }

  /**
   * Asserts the exact contents, in any order (PAssert's own matchers need Hamcrest, which the
   * build does not carry; {@code satisfies} with JUnit does not).
   */
  @SafeVarargs
  public static <T> void assertContains(PCollection<T> pc, T... expected) {
    List<T> want = List.of(expected);
    org.apache.beam.sdk.testing.PAssert.that(pc).satisfies(actual -> {
      java.util.List<T> got = new java.util.ArrayList<>();
      actual.forEach(got::add);
      org.junit.jupiter.api.Assertions.assertEquals(
          want.stream().map(String::valueOf).sorted().toList(), got.stream().map(String::valueOf).sorted().toList());
      return null;
    });
  }

  /** The committed value of counter {@code stage/name}, 0 when never incremented. */
  public static long counter(PipelineResult result, String name) {
    return counter(result, "stage", name);
  }

  public static long counter(PipelineResult result, String namespace, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      total += c.getCommitted();
    }
    return total;
  }
}
