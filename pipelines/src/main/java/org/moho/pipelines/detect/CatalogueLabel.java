package org.moho.pipelines.detect;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.pipelines.evaluate.GreatCircle;
import org.moho.pipelines.grid.CataloguePoint;

/**
 * {@code catalog.label}: labels rows (e.g. detection candidates) by whether a catalogue entry lies
 * within a radius, to make training targets for a supervised classifier. Every row that has a
 * position comes out, labelled; the catalogue is a side input (it must fit in memory).
 */
public final class CatalogueLabel implements StageType<CatalogueLabel.Config> {
  /** The {@code with:} block. */
  public record Config(
      @Doc("a row is labelled 1 when a catalogue entry is at most this far (km, great circle)") @Default("25") double radiusKm,
      @Doc("name of the 0/1 label column added") @Default("label") String labelColumn,
      @Doc("name of the column with the distance (km) to the nearest catalogue entry") @Default("catalogue_km") String distanceColumn,
      @Doc("longitude column of the rows") @Default("lon") String lonColumn,
      @Doc("latitude column of the rows") @Default("lat") String latColumn,
      @Doc("longitude column of the catalogue (case ignored)") @Default("lon") String catalogueLonColumn,
      @Doc("latitude column of the catalogue (case ignored)") @Default("lat") String catalogueLatColumn)
      implements java.io.Serializable {
    public Config {
      ConfigException.check(radiusKm > 0 && Double.isFinite(radiusKm), "radius_km", "must be > 0 km, got " + radiusKm);
      ConfigException.check(!labelColumn.isBlank(), "label_column", "must not be empty");
      ConfigException.check(!distanceColumn.isBlank(), "distance_column", "must not be empty");
    }
  }

  @Override
  public String description() {
    return "Adds to each row a 0/1 label (label_column: 1 when the nearest catalogue entry is at most radius_km away "
        + "on the great circle, R = 6371 km, longitudes compared modulo 360) and the distance to that entry "
        + "(distance_column, km; empty when the catalogue is empty). Unlike evaluate.matches this is not one to "
        + "one: two rows near the same entry are both labelled 1, as training targets should be. The catalogue is "
        + "a side input. A row, or a catalogue entry, without a numeric position goes to the errors output.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("rows", Row.class), Port.of("catalogue", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: labelled
          use: catalog.label
          from: [candidate_rows, seamounts]
          with: {radius_km: 25, label_column: seamount}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    String id = ctx.stageId();
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        PCollection<Row> catalogueRows = in.get(1);
        PCollectionTuple positions = catalogueRows.apply("Positions", WithErrors.of(id, CataloguePoint.class,
            (Row r, java.util.function.Consumer<CataloguePoint> out) ->
                out.accept(CataloguePoint.of(r, config.catalogueLonColumn(), config.catalogueLatColumn()))));
        PCollectionView<List<CataloguePoint>> catalogue = positions.get(StageOutputs.<CataloguePoint>main())
            .setCoder(SerializableCoder.of(CataloguePoint.class))
            .apply("Catalogue", ListView.of());
        PCollectionTuple labelled = rows.apply("Label", ParDo.of(new LabelFn(id, config, catalogue))
            .withSideInputs(catalogue)
            .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<Row> main = labelled.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(rows, Row.class));
        PCollection<ErrorRecord> errors = PCollectionList.of(positions.get(StageOutputs.ERRORS))
            .and(labelled.get(StageOutputs.ERRORS)).apply("Errors", org.apache.beam.sdk.transforms.Flatten.pCollections());
        return StageOutputs.of(main, errors);
      }
    };
  }

  static final class LabelFn extends DoFn<Row, Row> {
    private final String stageId;
    private final Config config;
    private final PCollectionView<List<CataloguePoint>> catalogue;

    LabelFn(String stageId, Config config, PCollectionView<List<CataloguePoint>> catalogue) {
      this.stageId = stageId;
      this.config = config;
      this.catalogue = catalogue;
    }

    @ProcessElement
    public void process(@Element Row row, ProcessContext c, MultiOutputReceiver out) {
      CataloguePoint p;
      try {
        p = CataloguePoint.of(row, config.lonColumn(), config.latColumn());
      } catch (RecordException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stageId, row.key(), e.getMessage(), e.value()));
        return;
      }
      double nearest = nearestKm(p.lon(), p.lat(), c.sideInput(catalogue));
      Row labelled = row.with(config.labelColumn(), nearest <= config.radiusKm() ? 1L : 0L)
          .with(config.distanceColumn(), Double.isFinite(nearest) ? nearest : null);
      out.get(StageOutputs.<Row>main()).output(labelled);
    }
  }

  /** Distance (km) from (lon, lat) to the nearest point; +infinity for an empty list. */
  static double nearestKm(double lon, double lat, List<CataloguePoint> points) {
    double best = Double.POSITIVE_INFINITY;
    for (CataloguePoint q : points) best = Math.min(best, GreatCircle.km(lon, lat, q.lon(), q.lat()));
    return best;
  }
}
