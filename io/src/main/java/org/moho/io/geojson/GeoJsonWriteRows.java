package org.moho.io.geojson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
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
 * {@code geojson.write-rows}: table rows with a longitude and a latitude column (a catalogue, a
 * table of scores) to one GeoJSON FeatureCollection of Points. A separate stage type rather than
 * a second port of {@code geojson.write}, so that each stage has one typed input the graph check
 * can verify, and the column names are only asked for where there are columns.
 */
public final class GeoJsonWriteRows implements StageType<GeoJsonWriteRows.Config> {

  /** The {@code with:} block of {@code geojson.write-rows}. */
  public record Config(
      @Doc("the .geojson file to write (replaced atomically)") Path path,
      @Doc("column holding the longitude in degrees (0..360 or -180..180)") @Default("lon") String lonColumn,
      @Doc("column holding the latitude in degrees") @Default("lat") String latColumn,
      @Doc("layer name stored in the file (GDAL/QGIS show it); default: the file name without extension")
      @Default(Default.NONE) String name) {
    public Config {
      ConfigException.check(path.getFileName() != null, "path", "must name a file, got " + path);
      ConfigException.check(!lonColumn.isBlank(), "lon_column", "must name a column");
      ConfigException.check(!latColumn.isBlank(), "lat_column", "must name a column");
      ConfigException.check(!lonColumn.equals(latColumn), "lat_column", "must differ from lon_column '" + lonColumn + "'");
    }
  }

  @Override
  public String description() {
    return "Writes table rows as one GeoJSON FeatureCollection of Points (RFC 7946) taken from a longitude and a "
        + "latitude column: [lon, lat] in WGS84 degrees with longitudes brought into -180..180, the row key as the "
        + "feature id, every other column as a property (numbers as JSON numbers, NaN as null). Gathered on one "
        + "worker, sorted by key and written atomically; no rows gives an empty FeatureCollection. A row whose "
        + "position columns are missing, not numbers, non-finite or off the globe goes to the errors output. "
        + "Emits one Row (path, features).";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: seamounts_geojson
          use: geojson.write-rows
          from: seamounts
          with: {path: "${out}/seamounts.geojson", lon_column: LON, lat_column: LAT}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Row> rows = inputs.get(0);
        PCollectionTuple features = rows.apply("ToFeature",
            WithErrors.of(ctx.stageId(), Feature.class, new ToFeature(config.lonColumn(), config.latColumn())));
        PCollection<Feature> ok = features.get(StageOutputs.<Feature>main());
        String name = config.name() != null ? config.name() : GeoJsonWrite.stem(config.path());
        PCollection<Row> written = ok.apply("WriteFile", new WriteFeatureCollection(config.path(), name));
        return StageOutputs.of(written, StageOutputs.errors(features));
      }
    };
  }

  private static final class ToFeature implements RecordFn<Row, Feature> {
    private final String lonColumn;
    private final String latColumn;

    ToFeature(String lonColumn, String latColumn) {
      this.lonColumn = lonColumn;
      this.latColumn = latColumn;
    }

    @Override
    public void apply(Row row, Consumer<Feature> out) throws RecordException {
      double lon = coordinate(row, lonColumn);
      double lat = coordinate(row, latColumn);
      Map<String, Object> props = new LinkedHashMap<>(row.values());
      props.remove(lonColumn);
      props.remove(latColumn);
      out.accept(new Feature(row.key(), GeoJsonFeatures.pointFeature(row.key(), lon, lat, props)));
    }

    private static double coordinate(Row row, String column) throws RecordException {
      if (!row.has(column)) {
        throw new RecordException("no column '" + column + "'; columns: " + String.join(", ", row.values().keySet()));
      }
      Object v = row.get(column);
      if (!(v instanceof Number n)) {
        throw new RecordException("column '" + column + "' is not a number", String.valueOf(v));
      }
      return n.doubleValue();
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }
}
