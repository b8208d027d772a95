package org.moho.pipelines.evaluate;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;
import org.moho.core.data.Row;
import org.moho.core.stage.ListView;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code evaluate.matches}: success rate and false-positive rate of detections against a catalogue. */
public final class EvaluateMatches implements StageType<MatchesConfig> {
  @Override
  public String description() {
    return "Scores detections against a catalogue of known features (e.g. seamounts) as Valentine, Kalnins & "
        + "Trampert (2013) did: detections and catalogue entries are matched one to one, closest pair first "
        + "(great-circle distance, Earth radius 6371 km), within radius_km. Only entries and detections inside the "
        + "evaluation region count (region, else the extent of the optional grid port, else all; longitudes in "
        + "0-360 and -180-180 are compared modulo 360). SR = matched entries / entries, FPR = unmatched detections "
        + "/ detections. The SR-FPR curve is swept over the score threshold (higher_is_better sets the direction) "
        + "and written as JSON and PNG, with the best SR at FPR <= each of fpr_levels. Output rows: one per "
        + "threshold (kind curve) and a summary row at the threshold given (or all detections). A detection with "
        + "a non-finite position or score, or a catalogue row without a numeric lon/lat, goes to errors; those "
        + "outside the region are counted (skipped.detection_outside, skipped.catalogue_outside).";
  }

  @Override
  public Class<MatchesConfig> configType() {
    return MatchesConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("detections", Detection.class), Port.of("catalogue", Row.class),
        Port.optional("grid", GridTile.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: score
          use: evaluate.matches
          from: [peaks, seamounts, topo]
          with: {radius_km: 25, higher_is_better: true, fpr_levels: [0.10, 0.40], lon_column: LON, lat_column: LAT}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(MatchesConfig config, StageContext ctx) {
    return new Matches(ctx.stageId(), config, ReportFiles.of(config.json(), config.png(), ctx));
  }

  /** A catalogue entry's key and position. */
  record Site(String key, double lon, double lat) implements Serializable {}

  private static final class Matches extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final MatchesConfig config;
    private final ReportFiles report;

    Matches(String stageId, MatchesConfig config, ReportFiles report) {
      this.stageId = stageId;
      this.config = config;
      this.report = report;
    }

    @Override
    public PCollectionTuple expand(StageInputs inputs) {
      PCollectionTuple dets = inputs.<Detection>get(0).apply("CheckDetections",
          WithErrors.of(stageId, Detection.class, new CheckDetection()));
      PCollectionTuple sites = inputs.<Row>get(1).apply("ReadCatalogue",
          WithErrors.of(stageId, Site.class, new SiteFn(config.lonColumn(), config.latColumn())));
      PCollectionView<List<Detection>> detView = StageOutputs.<Detection>main(dets).apply("Detections", ListView.of());
      PCollectionView<List<Site>> siteView = StageOutputs.<Site>main(sites).apply("Catalogue", ListView.of());
      PCollection<Region> region;
      if (config.region() != null) {
        List<Double> r = config.region();
        region = inputs.getPipeline().apply("Region", Create.of(Region.of(r.get(0), r.get(1), r.get(2), r.get(3))));
      } else if (inputs.present(2)) {
        region = inputs.<GridTile>get(2).apply("TileExtents", org.apache.beam.sdk.transforms.MapElements
                .into(org.apache.beam.sdk.values.TypeDescriptor.of(Region.class)).via(new TileExtent()))
            .apply("GridExtent", Combine.globally(new UnionFn()));
      } else {
        region = inputs.getPipeline().apply("Region", Create.of(Region.ALL));
      }
      PCollectionView<Region> regionView = region.apply("RegionView", View.asSingleton());
      PCollection<Row> rows = inputs.getPipeline()
          .apply("Once", Create.of("evaluate").withCoder(StringUtf8Coder.of()))
          .apply("Evaluate", ParDo.of(new EvaluateFn(stageId, config.settings(), report, detView, siteView, regionView))
              .withSideInputs(detView, siteView, regionView));
      rows.setCoder(WithErrors.coder(rows, Row.class));
      PCollection<ErrorRecord> errors = PCollectionList.of(StageOutputs.errors(dets)).and(StageOutputs.errors(sites))
          .apply("Errors", Flatten.pCollections());
      return StageOutputs.of(rows, errors);
    }
  }

  private static final class CheckDetection implements RecordFn<Detection, Detection> {
    @Override
    public void apply(Detection d, Consumer<Detection> out) throws RecordException {
      if (!Double.isFinite(d.lon()) || !(Math.abs(d.lat()) <= 90)) {
        throw new RecordException("detection has no valid position (lon " + d.lon() + ", lat " + d.lat() + ")");
      }
      if (Double.isNaN(d.score())) throw new RecordException("detection score is NaN");
      out.accept(d);
    }

    @Override
    public String keyOf(Detection d) {
      return d.key();
    }
  }

  private record SiteFn(String lonColumn, String latColumn) implements RecordFn<Row, Site> {
    @Override
    public void apply(Row row, Consumer<Site> out) throws RecordException {
      double lon = number(row, lonColumn);
      double lat = number(row, latColumn);
      if (!Double.isFinite(lon) || !(Math.abs(lat) <= 90)) {
        throw new RecordException("catalogue row has no valid " + lonColumn + "/" + latColumn, row.values().toString());
      }
      out.accept(new Site(row.key(), lon, lat));
    }

    @Override
    public String keyOf(Row row) {
      return row.key();
    }
  }

  /** A column's number, its name matched ignoring case; NaN when absent or not numeric. */
  static double number(Row row, String column) {
    for (Map.Entry<String, Object> e : row.values().entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        Object v = e.getValue();
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
          try {
            return Double.parseDouble(s.trim());
          } catch (NumberFormatException ex) {
            return Double.NaN;
          }
        }
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The lon/lat extent of a tile's interior (cell edges for pixel registration). */
  static final class TileExtent implements SerializableFunction<GridTile, Region> {
    @Override
    public Region apply(GridTile t) {
      double hx = t.registration() == Registration.PIXEL ? t.dx() / 2 : 0;
      double hy = t.registration() == Registration.PIXEL ? t.dy() / 2 : 0;
      int h = t.halo();
      return Region.of(t.x(h) - hx, t.x(t.nx() - h - 1) + hx, t.y(h) - hy, t.y(t.ny() - h - 1) + hy);
    }
  }

  /** Union of tile extents; with no tiles, everything. */
  static final class UnionFn extends Combine.CombineFn<Region, Region, Region> {
    @Override
    public Region createAccumulator() {
      return null;
    }

    @Override
    public Region addInput(Region acc, Region r) {
      return acc == null ? r : acc.union(r);
    }

    @Override
    public Region mergeAccumulators(Iterable<Region> accs) {
      Region m = null;
      for (Region r : accs) m = r == null ? m : r.union(m);
      return m;
    }

    @Override
    public Region extractOutput(Region acc) {
      return acc == null ? Region.ALL : acc;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Region> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry, org.apache.beam.sdk.coders.Coder<Region> input) {
      return org.apache.beam.sdk.coders.NullableCoder.of(org.apache.beam.sdk.coders.SerializableCoder.of(Region.class));
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Region> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry, org.apache.beam.sdk.coders.Coder<Region> input) {
      return org.apache.beam.sdk.coders.SerializableCoder.of(Region.class);
    }
  }

  private static final class EvaluateFn extends DoFn<String, Row> {
    private final String stageId;
    private final MatchesConfig.Settings config;
    private final ReportFiles report;
    private final PCollectionView<List<Detection>> detView;
    private final PCollectionView<List<Site>> siteView;
    private final PCollectionView<Region> regionView;
    private final Counter detOutside;
    private final Counter siteOutside;

    EvaluateFn(String stageId, MatchesConfig.Settings config, ReportFiles report, PCollectionView<List<Detection>> detView,
        PCollectionView<List<Site>> siteView, PCollectionView<Region> regionView) {
      this.stageId = stageId;
      this.config = config;
      this.report = report;
      this.detView = detView;
      this.siteView = siteView;
      this.regionView = regionView;
      this.detOutside = Metrics.counter(stageId, "skipped.detection_outside");
      this.siteOutside = Metrics.counter(stageId, "skipped.catalogue_outside");
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      Region region = c.sideInput(regionView);
      List<Detection> dets = new ArrayList<>();
      for (Detection d : c.sideInput(detView)) {
        if (region.contains(d.lon(), d.lat())) dets.add(d);
        else detOutside.inc();
      }
      // A stable order so that ties in distance are broken the same way on every run.
      dets.sort(java.util.Comparator.comparing(Detection::key).thenComparingDouble(Detection::lon)
          .thenComparingDouble(Detection::lat));
      List<Site> sites = new ArrayList<>();
      for (Site s : c.sideInput(siteView)) {
        if (region.contains(s.lon(), s.lat())) sites.add(s);
        else siteOutside.inc();
      }
      sites.sort(java.util.Comparator.comparing(Site::key));
      double[] dLon = new double[dets.size()];
      double[] dLat = new double[dets.size()];
      double[] score = new double[dets.size()];
      for (int i = 0; i < dLon.length; i++) {
        dLon[i] = dets.get(i).lon();
        dLat[i] = dets.get(i).lat();
        score[i] = dets.get(i).score();
      }
      double[] cLon = sites.stream().mapToDouble(Site::lon).toArray();
      double[] cLat = sites.stream().mapToDouble(Site::lat).toArray();
      boolean hib = config.higherIsBetter();
      // The levels use every distinct threshold; the rows, JSON and plot a spread of at most max_points.
      List<MatchCurve.Point> full = MatchCurve.sweep(dLon, dLat, score, hib, cLon, cLat, config.radiusKm(),
          Integer.MAX_VALUE);
      List<MatchCurve.Point> curve = new ArrayList<>();
      int shown = Math.min(full.size(), config.maxPoints());
      for (int p = 1; p <= shown; p++) curve.add(full.get((int) Math.round((double) p * full.size() / shown) - 1));
      double op = config.threshold() == null ? Double.NaN : config.threshold();
      MatchCurve.Point summary = MatchCurve.at(dLon, dLat, score, hib, cLon, cLat, config.radiusKm(), op);

      for (int i = 0; i < curve.size(); i++) {
        MatchCurve.Point p = curve.get(i);
        Map<String, Object> v = pointColumns("curve", p);
        c.output(new Row(stageId + "#" + i, v));
      }
      Map<String, Object> s = pointColumns("summary", summary);
      s.put("radius_km", config.radiusKm());
      s.put("catalogue", (long) sites.size());
      List<Object> levels = new ArrayList<>();
      for (double x : config.fprLevels()) {
        MatchCurve.Point best = MatchCurve.bestWithFprAtMost(full, x);
        s.put(levelColumn(x), best == null ? 0.0 : best.sr());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("fpr_max", x);
        l.put("sr", best == null ? 0.0 : best.sr());
        l.put("fpr", best == null ? null : best.fpr());
        l.put("threshold", best == null ? null : best.threshold());
        l.put("detections", best == null ? 0L : (long) best.detections());
        levels.add(l);
      }
      c.output(new Row(stageId + "#summary", s));

      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("stage", stageId);
      doc.put("radius_km", config.radiusKm());
      doc.put("region", region.all() ? null : region.asList());
      doc.put("higher_is_better", hib);
      doc.put("catalogue", (long) sites.size());
      doc.put("detections", (long) dets.size());
      doc.put("summary", s);
      doc.put("sr_at_fpr", levels);
      List<Object> points = new ArrayList<>();
      for (MatchCurve.Point p : curve) points.add(pointColumns(null, p));
      doc.put("curve", points);
      double[][] xy = new double[2][curve.size()];
      for (int i = 0; i < curve.size(); i++) {
        xy[0][i] = curve.get(i).fpr();
        xy[1][i] = curve.get(i).sr();
      }
      report.write(doc, String.format(Locale.ROOT, "%s: %d detections, %d catalogue entries", stageId,
          dets.size(), sites.size()), "false-positive rate (unmatched / detections)",
          String.format(Locale.ROOT, "success rate (matched within %.0f km / entries)", config.radiusKm()),
          Map.of("score threshold sweep", xy));
    }
  }

  static String levelColumn(double x) {
    return String.format(Locale.ROOT, "sr_at_fpr_%.2f", x);
  }

  private static Map<String, Object> pointColumns(String kind, MatchCurve.Point p) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (kind != null) v.put("kind", kind);
    v.put("threshold", Double.isNaN(p.threshold()) ? null : p.threshold());
    v.put("detections", (long) p.detections());
    v.put("matched", (long) p.matched());
    v.put("false_positives", (long) (p.detections() - p.matched()));
    v.put("sr", nullIfNaN(p.sr()));
    v.put("fpr", nullIfNaN(p.fpr()));
    v.put("median_km", nullIfNaN(p.medianKm()));
    return v;
  }

  static Double nullIfNaN(double x) {
    return Double.isNaN(x) ? null : x;
  }
}
