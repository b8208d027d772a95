package org.moho.core.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * {@link GroupByKey}, without the DirectRunner's cost of copying each group once for every bundle
 * that adds to it. Stages that need all records of a key at once (a writer's one file, a
 * training set) group with this.
 *
 * <p>Why: the DirectRunner keeps a key's group in per-key state and, for every input bundle that
 * adds to it, first copies the whole group so far by encoding and decoding each element
 * ({@code CopyOnAccessInMemoryStateInternals}). Gathering N records that arrive in B bundles thus
 * encodes about N·B/2 records: {@code table.write} of 21,440 rows cut from 400 seismograms (one
 * bundle each) took 110 s, with rows Java-serialised 4 million times.
 *
 * <p>On the DirectRunner, which runs in this JVM, each bundle's values of a key are therefore set
 * aside in memory as one list, and only a handle to that list (a number) goes through the
 * grouping; after it, the handles are exchanged for the lists. The group that reaches the next
 * step holds the same values, in no particular order, as a plain GroupByKey gives. Other runners
 * get a plain GroupByKey. Lists of a run that fails before the exchange stay in memory until the
 * JVM ends.
 */
public final class Gather<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
  /** Lists set aside by bundles, by handle, until exchanged after the grouping. */
  private static final Map<Long, List<?>> SET_ASIDE = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT_HANDLE = new AtomicLong();

  private Gather() {}

  /** Groups by key, as {@link GroupByKey#create()}. */
  public static <K, V> Gather<K, V> byKey() {
    return new Gather<>();
  }

  /** Lists set aside and not yet taken back (tests). */
  static int setAsideCount() {
    return SET_ASIDE.size();
  }

  /** True when {@code options} run the pipeline on the DirectRunner, in this JVM. */
  static boolean inThisJvm(PipelineOptions options) {
    return options.getRunner() != null && options.getRunner().getSimpleName().equals("DirectRunner");
  }

  @Override
  public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
    if (!inThisJvm(input.getPipeline().getOptions())) return input.apply("GroupByKey", GroupByKey.create());
    @SuppressWarnings("unchecked")
    KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
    return input
        .apply("SetAside", ParDo.of(new SetAsideFn<K, V>()))
        .setCoder(KvCoder.of(coder.getKeyCoder(), VarLongCoder.of()))
        .apply("GroupHandles", GroupByKey.create())
        .apply("TakeBack", ParDo.of(new TakeBackFn<K, V>()))
        .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
  }

  /** A bundle's values of each key and window, set aside as one list at the end of the bundle. */
  private static final class SetAsideFn<K, V> extends DoFn<KV<K, V>, KV<K, Long>> {
    private transient Map<KeyInWindow<K>, SetAside<V>> lists;

    private record KeyInWindow<K>(K key, BoundedWindow window) {}

    /** Values and the earliest of their timestamps, which the handle carries on. */
    private static final class SetAside<V> {
      final List<V> values = new ArrayList<>();
      Instant earliest = BoundedWindow.TIMESTAMP_MAX_VALUE;
    }

    @StartBundle
    public void start() {
      lists = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<K, V> kv, @Timestamp Instant timestamp, BoundedWindow window) {
      SetAside<V> s = lists.computeIfAbsent(new KeyInWindow<>(kv.getKey(), window), k -> new SetAside<>());
      s.values.add(kv.getValue());
      if (timestamp.isBefore(s.earliest)) s.earliest = timestamp;
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<KeyInWindow<K>, SetAside<V>> e : lists.entrySet()) {
        long handle = NEXT_HANDLE.incrementAndGet();
        SET_ASIDE.put(handle, e.getValue().values);
        c.output(KV.of(e.getKey().key(), handle), e.getValue().earliest, e.getKey().window());
      }
      lists = null;
    }
  }

  /** The lists behind a key's handles, as one group. */
  private static final class TakeBackFn<K, V> extends DoFn<KV<K, Iterable<Long>>, KV<K, Iterable<V>>> {
    @ProcessElement
    public void process(@Element KV<K, Iterable<Long>> handles, OutputReceiver<KV<K, Iterable<V>>> out) {
      List<V> group = new ArrayList<>();
      for (long handle : handles.getValue()) {
        @SuppressWarnings("unchecked")
        List<V> values = (List<V>) SET_ASIDE.remove(handle);
        if (values == null) throw new IllegalStateException("values set aside under handle " + handle + " are gone");
        group.addAll(values);
      }
      out.output(KV.of(handles.getKey(), group));
    }
  }
}
