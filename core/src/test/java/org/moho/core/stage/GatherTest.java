package org.moho.core.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/**
 * Gathering on the DirectRunner gives every key all its values, as GroupByKey does, without the
 * runner encoding the group again for every bundle that adds to it.
 */
class GatherTest {
  /** Encodings of values, per test run. */
  private static final Map<String, AtomicLong> ENCODED = new ConcurrentHashMap<>();
  /** The groups seen after the gathering, per test run: key → sorted values. */
  private static final Map<String, Map<String, List<Integer>>> GROUPS = new ConcurrentHashMap<>();

  private static final int VALUES = 2000;

  @Test
  void everyKeyGetsAllItsValuesFromManyBundles() {
    Map<String, List<Integer>> groups = run("gather", Gather.byKey(), false);
    assertEquals(expected(), groups);
    assertEquals(0, Gather.setAsideCount(), "every list set aside is taken back");
  }

  @Test
  void theRunnersOwnChecksPass() {
    // with the DirectRunner's immutability and encodability checks on, as in Moho's tests
    assertEquals(expected(), run("checked", Gather.byKey(), true));
  }

  @Test
  void theGroupIsNotCopiedForEveryBundle() {
    run("plain", GroupByKey.create(), false);
    long plain = ENCODED.get("plain").get();
    run("gathered", Gather.byKey(), false);
    long gathered = ENCODED.get("gathered").get();
    // a plain GroupByKey on the DirectRunner encodes each key's group so far once per input
    // bundle (here ~100 bundles of 2,000 values over three keys); Gather sets values aside unencoded
    assertTrue(plain > 10L * VALUES, "plain GroupByKey encoded values " + plain + " times");
    assertEquals(0, gathered, "values encoded by the gathering");
  }

  /** 0..1999 under three keys by value mod 3, sorted. */
  private static Map<String, List<Integer>> expected() {
    Map<String, List<Integer>> m = new TreeMap<>();
    for (int i = 0; i < VALUES; i++) m.computeIfAbsent("k" + i % 3, k -> new ArrayList<>()).add(i);
    return m;
  }

  /**
   * 0..1999 spread by random keys (one bundle per reshuffle key, ~100 bundles), keyed by value mod 3,
   * then {@code grouping}; the sorted groups.
   */
  private static Map<String, List<Integer>> run(String name,
      PTransform<PCollection<KV<String, Integer>>, PCollection<KV<String, Iterable<Integer>>>> grouping, boolean checks) {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setTargetParallelism(2);
    options.setEnforceImmutability(checks);
    options.setEnforceEncodability(checks);
    ENCODED.put(name, new AtomicLong());
    GROUPS.put(name, new ConcurrentHashMap<>());
    Pipeline p = Pipeline.create(options);
    p.apply(Create.of(IntStream.range(0, VALUES).boxed().toList()).withCoder(VarIntCoder.of()))
        .apply(Reshuffle.<Integer>viaRandomKey().withNumBuckets(100))
        .apply(ParDo.of(new KeyByMod3()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new CountingCoder(name)))
        .apply(grouping)
        .apply(ParDo.of(new Record(name)));
    p.run().waitUntilFinish();
    return new TreeMap<>(GROUPS.remove(name));
  }

  private static final class KeyByMod3 extends DoFn<Integer, KV<String, Integer>> {
    @ProcessElement
    public void process(@Element Integer i, OutputReceiver<KV<String, Integer>> out) {
      out.output(KV.of("k" + i % 3, i));
    }
  }

  private static final class Record extends DoFn<KV<String, Iterable<Integer>>, Void> {
    private final String name;

    Record(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Integer>> group) {
      List<Integer> values = new ArrayList<>();
      group.getValue().forEach(values::add);
      values.sort(null);
      GROUPS.get(name).put(group.getKey(), values);
    }
  }

  /** VarInt, counting its encodings. */
  private static final class CountingCoder extends AtomicCoder<Integer> {
    private final String name;

    CountingCoder(String name) {
      this.name = name;
    }

    @Override
    public void encode(Integer value, OutputStream out) throws IOException {
      ENCODED.get(name).incrementAndGet();
      VarIntCoder.of().encode(value, out);
    }

    @Override
    public Integer decode(InputStream in) throws IOException {
      return VarIntCoder.of().decode(in);
    }
  }
}
