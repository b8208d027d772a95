package org.moho.pipelines.qc;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
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

/** Binds configs from YAML as a spec would, and runs a stage on the DirectRunner. */
final class QcHarness {
  private QcHarness() {}

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

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

  static <T extends Serializable> PCollection<T> create(Pipeline p, String name, Class<T> type, List<T> elements) {
    return p.apply(name, Create.of(elements).withCoder(SerializableCoder.of(type)));
  }

  static <C extends Record> PCollectionTuple apply(StageType<C> stage, C config, PCollection<?>... inputs) {
    return apply("stage", stage, config, inputs);
  }

  /** Applies a stage under id {@code id} (its name in the pipeline and in its errors and counters). */
  static <C extends Record> PCollectionTuple apply(String id, StageType<C> stage, C config, PCollection<?>... inputs) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<PCollection<?>> ports = new ArrayList<>(java.util.Arrays.asList(inputs));
    org.apache.beam.sdk.Pipeline p = inputs.length > 0 ? inputs[0].getPipeline() : null;
    return Pipeline.applyTransform(id, new StageInputs(p, ports), stage.create(config, new StageContext(id, tmp, tmp, false)));
  }

  static <C extends Record> PCollectionTuple source(Pipeline p, String id, StageType<C> stage, C config) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    return Pipeline.applyTransform(id, StageInputs.none(p), stage.create(config, new StageContext(id, tmp, tmp, false)));
  }

  /** The committed value of counter {@code stage/name}, 0 when never incremented. */
  static long counter(org.apache.beam.sdk.PipelineResult result, String stage, String name) {
    long total = 0;
    for (org.apache.beam.sdk.metrics.MetricResult<Long> c : result.metrics().queryMetrics(
        org.apache.beam.sdk.metrics.MetricsFilter.builder().addNameFilter(
            org.apache.beam.sdk.metrics.MetricNameFilter.named(stage, name)).build()).getCounters()) {
      total += c.getCommitted();
    }
    return total;
  }

  /** Asserts the exact contents by their text, in any order. */
  static <T> void assertTexts(PCollection<T> pc, List<String> expected) {
    List<String> want = expected.stream().sorted().toList();
    PAssert.that(pc).satisfies(actual -> {
      List<String> got = new ArrayList<>();
      actual.forEach(x -> got.add(String.valueOf(x)));
      org.junit.jupiter.api.Assertions.assertEquals(want, got.stream().sorted().toList());
      return null;
    });
  }
}
