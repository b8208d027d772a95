package org.moho.io.geojson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Detection;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code geojson.write}: detections to one GeoJSON FeatureCollection of Points (RFC 7946), e.g.
 * to open seamount candidates in QGIS. See {@link GeoJsonFeatures} for the encoding and
 * {@link WriteFeatureCollection} for how the file is gathered and written.
 */
public final class GeoJsonWrite implements StageType<GeoJsonWrite.Config> {

  /** The {@code with:} block of {@code geojson.write}. */
  public record Config(
      @Doc("the .geojson file to write (replaced atomically)") Path path,
      @Doc("layer name stored in the file (GDAL/QGIS show it); default: the file name without extension")
      @Default(Default.NONE) String name) {
    public Config {
      ConfigException.check(path.getFileName() != null, "path", "must name a file, got " + path);
    }

    String layerName() {
      return name != null ? name : stem(path);
    }
  }

  @Override
  public String description() {
    return "Writes detections as one GeoJSON FeatureCollection of Points (RFC 7946: [lon, lat] in WGS84 degrees, "
        + "longitudes brought into -180..180, the detection key as the feature id, 'score' and every attribute as "
        + "properties, numbers as JSON numbers and NaN as null) that opens in QGIS and GDAL. All features are "
        + "gathered on one worker and written atomically, sorted by key, so the file is complete and reproducible; "
        + "no detections still gives an empty FeatureCollection. A detection with a non-finite position or a "
        + "latitude outside -90..90 goes to the errors output. Emits one Row (path, features).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("detections", Detection.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: candidates
          use: geojson.write
          from: detections
          with: {path: "${out}/seamount_candidates.geojson"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Detection> detections = inputs.get(0);
        PCollectionTuple features = detections.apply("ToFeature",
            WithErrors.of(ctx.stageId(), Feature.class, new ToFeature()));
        PCollection<Feature> ok = features.get(StageOutputs.<Feature>main());
        PCollection<Row> written = ok.apply("WriteFile", new WriteFeatureCollection(config.path(), config.layerName()));
        return StageOutputs.of(written, StageOutputs.errors(features));
      }
    };
  }

  private static final class ToFeature implements RecordFn<Detection, Feature> {
    @Override
    public void apply(Detection d, Consumer<Feature> out) throws RecordException {
      Map<String, Object> props = new LinkedHashMap<>(d.attributes());
      props.put("score", d.score());
      out.accept(new Feature(d.key(), GeoJsonFeatures.pointFeature(d.key(), d.lon(), d.lat(), props)));
    }

    @Override
    public String keyOf(Detection d) {
      return d.key();
    }
  }


  static String stem(Path path) {
    String file = path.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
