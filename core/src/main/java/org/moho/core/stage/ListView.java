package org.moho.core.stage;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * All elements of a collection as one side input, a {@code List}: {@link View#asList()}, without
 * the DirectRunner's cost of copying the list so far for every bundle that adds to it.
 *
 * <p>Why: the DirectRunner materialises a list or iterable view by a GroupByKey to one key, which
 * copies the group once per input bundle ({@link Gather} says how and what it cost). On the
 * DirectRunner the elements are therefore gathered with {@link Gather} into one list, and that
 * list is the view, a singleton (empty when there are no elements). Other runners get
 * {@code View.asList()}.
 */
public final class ListView<T> extends PTransform<PCollection<T>, PCollectionView<List<T>>> {
  private ListView() {}

  public static <T> ListView<T> of() {
    return new ListView<>();
  }

  @Override
  public PCollectionView<List<T>> expand(PCollection<T> input) {
    if (!Gather.inThisJvm(input.getPipeline().getOptions())) return input.apply("AsList", View.asList());
    Coder<T> coder = input.getCoder();
    return input
        .apply("All", GatherAll.under("all", coder))
        .apply("ToList", ParDo.of(new ToListFn<T>()))
        .setCoder(ListCoder.of(coder))
        .apply("AsList", View.<List<T>>asSingleton().withDefaultValue(List.of()));
  }

  /** The gathered group as the list: Gather already hands it over as one, so it is not copied again. */
  private static final class ToListFn<T> extends DoFn<KV<String, Iterable<T>>, List<T>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<T>> all, OutputReceiver<List<T>> out) {
      if (all.getValue() instanceof List<T> list) {
        out.output(list);
        return;
      }
      List<T> list = new ArrayList<>();
      all.getValue().forEach(list::add);
      out.output(list);
    }
  }
}
