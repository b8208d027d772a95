package org.moho.core.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;

/** The side input holds every element, from however many bundles, and is empty for no elements. */
class ListViewTest {
  /** The sorted list each reader of the view saw, per test run. */
  private static final Map<String, List<Integer>> SEEN = new ConcurrentHashMap<>();

  @Test
  void theListHoldsEveryElementFromManyBundles() {
    List<Integer> values = IntStream.range(0, 1500).boxed().toList();
    assertEquals(values, run("many", values, false));
    assertEquals(values, run("checked", values, true));
  }

  @Test
  void noElementsMakeAnEmptyList() {
    assertEquals(List.of(), run("none", List.of(), false));
  }

  /** {@code values} spread over ~50 bundles, as a view read by one element's DoFn; what it saw, sorted. */
  private static List<Integer> run(String name, List<Integer> values, boolean checks) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setTargetParallelism(2);
    options.setEnforceImmutability(checks);
    options.setEnforceEncodability(checks);
    Pipeline p = Pipeline.create(options);
    PCollection<Integer> all = p.apply("Values", Create.of(values).withCoder(VarIntCoder.of()))
        .apply(Reshuffle.<Integer>viaRandomKey().withNumBuckets(50));
    PCollectionView<List<Integer>> view = all.apply(ListView.of());
    p.apply("One", Create.of(0)).apply(ParDo.of(new ReadView(name, view)).withSideInputs(view));
    p.run().waitUntilFinish();
    return SEEN.remove(name);
  }

  private static final class ReadView extends DoFn<Integer, Void> {
    private final String name;
    private final PCollectionView<List<Integer>> view;

    ReadView(String name, PCollectionView<List<Integer>> view) {
      this.name = name;
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<Integer> seen = new ArrayList<>(c.sideInput(view));
      seen.sort(null);
      SEEN.put(name, seen);
    }
  }
}
