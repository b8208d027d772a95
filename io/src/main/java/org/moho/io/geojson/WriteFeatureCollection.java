package org.moho.io.geojson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.Row;
import org.moho.core.files.AtomicFiles;
import org.moho.core.stage.Gather;

/**
 * Gathers features (sort key, feature JSON) into one RFC 7946 FeatureCollection file, written
 * atomically by a single worker once every feature is known, as core's WriteLines does for text.
 * Features are written sorted by key (then by text), so the same input gives the same bytes on
 * any runner. An empty input still gives a file: an empty FeatureCollection says "nothing was
 * found", which a missing file cannot. Emits one Row: {@code path} and {@code features} (count).
 */
final class WriteFeatureCollection extends PTransform<PCollection<Feature>, PCollection<Row>> {
  /** Marks the one element that guarantees a group even when there are no features. */
  private static final String MARKER = "";

  private final String path;
  private final String name;

  WriteFeatureCollection(Path path, String name) {
    this.path = path.toString();
    this.name = name;
  }

  @Override
  public PCollection<Row> expand(PCollection<Feature> features) {
    KvCoder<String, String> pairs = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    String target = path;
    PCollection<KV<String, String>> keyed = features
        .apply("OneKey", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((Feature f) -> KV.of(target, f.sortKey() + "\u0000" + f.json())))
        .setCoder(pairs);
    PCollection<KV<String, String>> marker = features.getPipeline()
        .apply("EmptyMarker", Create.of(KV.of(target, MARKER)).withCoder(pairs));
    return PCollectionList.of(keyed).and(marker)
        .apply("WithMarker", Flatten.pCollections())
        .apply("Gather", Gather.byKey())
        .apply("Write", ParDo.of(new WriteFn(name)))
        .setCoder(SerializableCoder.of(Row.class));
  }

  private static final class WriteFn extends DoFn<KV<String, Iterable<String>>, Row> {
    private final String name;

    WriteFn(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, OutputReceiver<Row> out) throws IOException {
      List<String> keyed = new ArrayList<>();
      for (String s : group.getValue()) {
        if (!s.equals(MARKER)) keyed.add(s);
      }
      keyed.sort(null); // "key\0json": by key, then by the feature's text
      Path target = Path.of(group.getKey());
      AtomicFiles.write(target, os -> {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        w.write("{\"type\":\"FeatureCollection\"");
        // "name" is the foreign member GDAL (and so QGIS) takes as the layer's name.
        if (name != null) w.write(",\"name\":" + new Gson().toJson(name));
        w.write(",\"features\":[");
        for (int i = 0; i < keyed.size(); i++) {
          String s = keyed.get(i);
          w.write(i == 0 ? "\n" : ",\n");
          w.write(s, s.indexOf('\u0000') + 1, s.length() - s.indexOf('\u0000') - 1);
        }
        w.write("\n]}\n");
        w.flush();
      });
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("path", target.toString());
      values.put("features", (long) keyed.size());
      out.output(new Row(target.toString(), values));
    }
  }
}
