package org.apache.beam.runners.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;

/**
 * Moho's copy of the DirectRunner's {@link ParDoEvaluatorFactory}, which translates each ParDo step
 * once per run instead of once per bundle: it is the class the runner loads, it was copied from the
 * Beam in use, it translates per step, and ParDos that need every translated piece (positional and
 * named side inputs, additional outputs, schema conversion of the element) still compute the right
 * thing over hundreds of bundles, with two such steps in one pipeline.
 */
class CachedParDoTranslationTest {
  private static final TupleTag<Integer> SMALL = new TupleTag<>() {};
  private static final TupleTag<Integer> LARGE = new TupleTag<>() {};

  @Test
  void theRunnerLoadsMohosCopyMadeFromTheBeamInUse() {
    String where = ParDoEvaluatorFactory.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertFalse(where.contains("beam-runners-direct-java"), "Beam's own ParDoEvaluatorFactory was loaded, from " + where
        + ": moho-runners must come before beam-runners-direct-java on the classpath");
    assertEquals(ReleaseInfo.getReleaseInfo().getVersion(), ParDoEvaluatorFactory.COPIED_FROM_BEAM,
        "Beam's version changed: copy its ParDoEvaluatorFactory again and re-apply Moho's cache of the translated pieces");
  }

  /** A schema'd element; the second step takes it as a {@link Row}, so it needs DoFnSchemaInformation's conversion. */
  @DefaultSchema(JavaFieldSchema.class)
  public static class Reading {
    public int station;
    public double value;

    public Reading() {}

    Reading(int station, double value) {
      this.station = station;
      this.value = value;
    }

    // the runner's immutability check (on in tests) compares elements by equals
    @Override
    public boolean equals(Object o) {
      return o instanceof Reading r && r.station == station && r.value == value;
    }

    @Override
    public int hashCode() {
      return 31 * station + Double.hashCode(value);
    }
  }

  @Test
  void sideInputsOutputsAndSchemasStayRightOverManyBundlesWhileEachStepIsTranslatedOnce() {
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setTargetParallelism(2);
    Pipeline p = Pipeline.create(options);
    int n = 400;
    // Reshuffled to random keys: the DirectRunner then hands the next step one bundle per key group,
    // hundreds of bundles for each ParDo below.
    PCollection<Integer> numbers = p.apply("numbers", Create.of(IntStream.range(0, n).boxed().toList()))
        .apply(Reshuffle.viaRandomKey());
    PCollectionView<Integer> offset = p.apply("offset", Create.of(1000)).apply("offsetView", View.asSingleton());
    PCollectionView<Integer> threshold = p.apply("threshold", Create.of(n / 2)).apply("thresholdView", View.asSingleton());

    PCollectionTuple split = numbers.apply("split", ParDo.of(new Split(offset))
        .withSideInputs(offset)
        .withSideInput("threshold", threshold)
        .withOutputTags(SMALL, TupleTagList.of(LARGE)));

    PCollection<Reading> readings = split.get(LARGE).apply("readings", ParDo.of(new ToReading()));
    PCollection<String> described = readings.apply("describe", ParDo.of(new Describe()));
    split.get(SMALL).apply("collectSmall", ParDo.of(new Collect<>("small")));
    described.apply("collectDescribed", ParDo.of(new Collect<>("described")));

    COLLECTED.clear();
    long before = ParDoEvaluatorFactory.TRANSLATIONS.get();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long translated = ParDoEvaluatorFactory.TRANSLATIONS.get() - before;

    List<String> small = new ArrayList<>(), expectedSmall = new ArrayList<>();
    List<String> desc = new ArrayList<>(), expectedDesc = new ArrayList<>();
    for (String s : COLLECTED) {
      if (s.startsWith("small=")) small.add(s.substring(6));
      else desc.add(s.substring("described=".length()));
    }
    for (int x = 0; x < n; x++) {
      if (x < n / 2) expectedSmall.add(String.valueOf(x + 1000));
      else expectedDesc.add((x + 1000) % 7 + ":" + (x + 1000) / 10.0);
    }
    Collections.sort(small);
    Collections.sort(expectedSmall);
    Collections.sort(desc);
    Collections.sort(expectedDesc);
    assertEquals(expectedSmall, small);
    assertEquals(expectedDesc, desc);
    // split, readings, describe, the two collectors and the ParDos inside Create, Reshuffle and the
    // views: a few dozen steps at most, against hundreds of bundles when translated per bundle
    assertTrue(translated >= 5 && translated < 40, translated + " translations for ~" + n + " bundles per step");
  }

  /** Adds the positional side input, and sends the element below the named one to SMALL, the rest to LARGE. */
  private static final class Split extends DoFn<Integer, Integer> {
    private final PCollectionView<Integer> offset;

    Split(PCollectionView<Integer> offset) {
      this.offset = offset;
    }

    @ProcessElement
    public void process(@Element Integer x, @SideInput("threshold") Integer t, ProcessContext c) {
      c.output(x < t ? SMALL : LARGE, x + c.sideInput(offset));
    }
  }

  private static final class ToReading extends DoFn<Integer, Reading> {
    @ProcessElement
    public void process(@Element Integer x, OutputReceiver<Reading> out) {
      out.output(new Reading(x % 7, x / 10.0));
    }
  }

  /** Takes each Reading as a Row: the runner converts it with the step's schema information. */
  private static final class Describe extends DoFn<Reading, String> {
    @ProcessElement
    public void process(@Element Row r, OutputReceiver<String> out) {
      out.output(r.getInt32("station") + ":" + r.getDouble("value"));
    }
  }

  private static final List<String> COLLECTED = Collections.synchronizedList(new ArrayList<>());

  private static final class Collect<T> extends DoFn<T, Void> {
    private final String label;

    Collect(String label) {
      this.label = label;
    }

    @ProcessElement
    public void process(@Element T x) {
      COLLECTED.add(label + "=" + x);
    }
  }
}
