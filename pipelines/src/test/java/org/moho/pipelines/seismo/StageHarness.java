package org.moho.pipelines.seismo;

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
final class StageHarness {
  private StageHarness() {}

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  /** The config record bound from a {@code with:} block written as YAML; fails on any problem. */
  static <C extends Record> C bind(Class<C> type, String yaml) {
    Problems problems = new Problems();
    C c = bindOrProblems(type, yaml, problems);
    if (problems.hasErrors()) throw new AssertionError(problems.all().toString());
    return c;
  }

  static <C extends Record> C bindOrProblems(Class<C> type, String yaml, Problems problems) {
    YNode node = new YamlReader().read(Path.of("with.yaml"), yaml.getBytes(StandardCharsets.UTF_8), problems);
    return new ConfigBinder(Path.of("."), "stage 'test'", problems).bind(type, (YNode.Mapping) node);
  }

  @SafeVarargs
  static <T extends Serializable> PCollection<T> create(Pipeline p, Class<T> type, T... elements) {
    return p.apply("Create", Create.of(List.of(elements)).withCoder(SerializableCoder.of(type)));
  }

  static <C extends Record> PCollectionTuple apply(StageType<C> stage, C config, PCollection<?> input) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    return Pipeline.applyTransform("stage", StageInputs.of(input), stage.create(config, new StageContext("stage", tmp, tmp, false)));
  }

  /**
   * Asserts the exact contents, in any order (PAssert's own matchers need Hamcrest, which the
   * build does not carry; {@code satisfies} with JUnit does not).
   */
  @SafeVarargs
  static <T> void assertContains(PCollection<T> pc, T... expected) {
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
  static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("stage", name)).build()).getCounters()) {
      total += c.getCommitted();
    }
    return total;
  }
}
