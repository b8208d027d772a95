package org.moho.pipelines.autoencoder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.models.autoencoder.LatentIndex;
import org.moho.models.autoencoder.Neighbour;

/**
 * {@code latent.search}: the k nearest codes of a collection for every query code (Valentine,
 * Kalnins &amp; Trampert 2013 search waveform archives this way). The collection is a side input
 * and each worker builds one exact brute-force {@link LatentIndex} from it.
 */
public final class SearchLatent implements StageType<SearchLatent.Config> {

  /** The {@code with:} block. */
  public record Config(
      @Doc("neighbours per query") @Default("5") int k,
      @Doc("leave out collection entries with the query's own key") @Default("true") boolean excludeSelf)
      implements java.io.Serializable {
    public Config {
      ConfigException.check(k > 0, "k", "must be > 0, got " + k);
    }
  }

  @Override
  public String description() {
    return "For every query code (FeatureVector, e.g. from autoencoder.encode) finds the k nearest codes of the"
        + " collection by Euclidean distance, exactly (brute force: codes are short, so a scan of 10^6 codes takes"
        + " milliseconds). Emits one Row per query and rank: query, rank (1 = nearest), neighbour key, distance, and"
        + " the neighbour's lon/lat when its metadata has them. Ties go to the smaller key. A query whose length"
        + " differs from the collection's codes goes to the errors output.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("queries", FeatureVector.class), Port.of("collection", FeatureVector.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: similar
          use: latent.search
          from: [query_codes, codes]
          with: {k: 10}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String stageId = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<FeatureVector> queries = inputs.get(0);
        PCollectionView<List<FeatureVector>> collection = inputs.<FeatureVector>get(1).apply("Collection", ListView.of());
        PCollectionTuple out = queries.apply("Search", ParDo.of(new SearchFn(stageId, config, collection))
            .withSideInputs(collection)
            .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        out.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(queries, Row.class));
        return out;
      }
    };
  }

  static final class SearchFn extends DoFn<FeatureVector, Row> {
    private final String stageId;
    private final Config config;
    private final PCollectionView<List<FeatureVector>> collection;
    private transient LatentIndex index;
    private transient List<FeatureVector> entries;

    SearchFn(String stageId, Config config, PCollectionView<List<FeatureVector>> collection) {
      this.stageId = stageId;
      this.config = config;
      this.collection = collection;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (index == null) build(c.sideInput(collection));
      FeatureVector q = c.element();
      if (index.size() > 0 && q.values().length != index.dimension()) {
        c.output(StageOutputs.ERRORS, ErrorRecord.of(stageId, q.key(), "query has " + q.values().length
            + " values but the collection's codes have " + index.dimension()));
        return;
      }
      List<Neighbour> hits = index.nearest(q.values(), config.k(), config.excludeSelf() ? q.key() : null);
      for (int r = 0; r < hits.size(); r++) {
        Neighbour h = hits.get(r);
        FeatureVector n = entries.get(h.index());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("query", q.key());
        v.put("rank", (long) r + 1);
        v.put("neighbour", h.key());
        v.put("distance", h.distance());
        if (n.metadata().containsKey("lon") && n.metadata().containsKey("lat")) {
          v.put("lon", Double.parseDouble(n.metadata().get("lon")));
          v.put("lat", Double.parseDouble(n.metadata().get("lat")));
        }
        c.output(new Row(q.key() + "#" + (r + 1), v));
      }
    }

    /** One index per worker; sorted by key so that ties and results do not depend on input order. */
    private void build(List<FeatureVector> all) {
      entries = new ArrayList<>(all);
      entries.sort(Comparator.comparing(FeatureVector::key));
      List<String> keys = new ArrayList<>();
      float[][] codes = new float[entries.size()][];
      for (int i = 0; i < codes.length; i++) {
        keys.add(entries.get(i).key());
        codes[i] = entries.get(i).values();
      }
      index = new LatentIndex(keys, codes);
    }
  }
}
