package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.Detection;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.GridTile;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.io.testdata.EsriAsciiTiles;
import org.moho.io.testdata.SeamountCatalogue;

class PlotMapTest {
  private static List<GridTile> pacificTiles() throws IOException {
    EsriAsciiTiles.Grid g = EsriAsciiTiles.read(EsriAsciiTiles.file("pac_residual_topo.asc"));
    return EsriAsciiTiles.tiles(g, "pac_residual_topo", "m", 100, 3);
  }

  private static PlotMap.Config config(Path png) {
    return new PlotMap.Config(png, "North Pacific residual topography", Palette.HAXBY, null, "Residual topography",
        true, "Seamounts, Wessel & Lyons 1997", "LON", "LAT", "detections", 1600, 1000, 300);
  }

  /** The showcase: the residual topography with the seamount catalogue on top. */
  @Test
  void residualTopographyWithTheSeamountCatalogue() throws IOException {
    Path png = Pngs.folder().resolve("map_pac_residual_topo_seamounts.png");
    Files.deleteIfExists(png);
    List<Row> points = new ArrayList<>(SeamountCatalogue.rows());
    points.add(new Row("no-position", Map.of("LON", "?")));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<GridTile> tiles = p.apply("Tiles", Create.of(pacificTiles()).withCoder(SerializableCoder.of(GridTile.class)));
    PCollection<Row> rows = p.apply("Rows", Create.of(points).withCoder(SerializableCoder.of(Row.class)));
    PCollectionTuple out = Pipeline.applyTransform("map", StageInputs.of(tiles, rows),
        new PlotMap().create(config(png), new StageContext("map", png.getParent(), png.getParent(), false)));
    String name = png.toString();
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(written -> {
      List<Row> all = new ArrayList<>();
      written.forEach(all::add);
      assertEquals(1, all.size());
      Row r = all.get(0);
      assertEquals(name, r.get("path"));
      assertEquals(30L, r.get("tiles")); // 6 x 5 tiles of 100 x 100 nodes
      assertEquals(308L, r.get("points")); // data/NOTICE.md: 308 seamounts lie inside pac_residual_topo
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      List<ErrorRecord> all = new ArrayList<>();
      errors.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("no-position", all.get(0).key());
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    MetricResult<Long> outside = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("map", "points.outside")).build()).getCounters().iterator().next();
    assertEquals(454 - 308, outside.getAttempted());

    BufferedImage img = Pngs.readChecked(png, 1600, 1000, 300);
    // Open circles are black on a white halo; there are hundreds of them.
    assertTrue(Pngs.count(img, Color.BLACK, 10) > 5000, "markers and text are drawn");
  }

  /** The colour bar shows the palette from the bottom (range minimum) to the top (maximum). */
  @Test
  void theColourBarRunsThroughThePalette() throws IOException {
    List<GridTile> tiles = pacificTiles();
    GridMosaic mosaic = new GridMosaic(tiles.get(0), 1600, 1000);
    tiles.forEach(mosaic::add);
    MapFigure.Drawn d = MapFigure.draw(mosaic.raster(), List.of(),
        new MapFigure.Style(1600, 1000, 300, null, Palette.HAXBY, -1000.0, 3000.0, "Residual topography", false));
    assertEquals(-1000, d.lo());
    assertEquals(3000, d.hi());
    Rectangle bar = d.colourBar();
    BufferedImage img = d.image();
    int x = bar.x + bar.width / 2;
    for (double t : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
      int y = (int) Math.round(bar.y + (1 - t) * bar.height);
      Color want = Palette.HAXBY.at(t);
      Color got = new Color(img.getRGB(x, y));
      assertTrue(Math.abs(want.getRed() - got.getRed()) < 12 && Math.abs(want.getGreen() - got.getGreen()) < 12
          && Math.abs(want.getBlue() - got.getBlue()) < 12, "bar at " + t + ": " + got + " vs " + want);
    }
    // Data run past both ends of -1000..3000 (v_min -2967, v_max 6608), so both end triangles are drawn.
    assertEquals(Palette.HAXBY.at(1).getRGB(), img.getRGB(x, bar.y - bar.width / 3));
    assertEquals(Palette.HAXBY.at(0).getRGB(), img.getRGB(x, bar.y + bar.height + bar.width / 3));
    // A grid cell of known value shows its palette colour (no shading here): the map's centre pixel.
    Rectangle map = d.plotArea();
    float[] screen = MapFigure.resample(mosaic.raster(), map.width, map.height);
    int cx = map.width / 2;
    int cy = map.height / 2;
    Color expect = Palette.HAXBY.at((screen[cy * map.width + cx] + 1000) / 4000.0);
    Color got = new Color(img.getRGB(map.x + cx, map.y + cy));
    assertTrue(Math.abs(expect.getRed() - got.getRed()) <= 2 && Math.abs(expect.getGreen() - got.getGreen()) <= 2
        && Math.abs(expect.getBlue() - got.getBlue()) <= 2, "centre pixel " + got + " vs " + expect);
  }

  @Test
  void aDivergingPaletteGetsASymmetricRangeFromTheData() throws IOException {
    List<GridTile> tiles = pacificTiles();
    GridMosaic mosaic = new GridMosaic(tiles.get(0), 1600, 1000);
    tiles.forEach(mosaic::add);
    double[] haxby = MapFigure.colourRange(mosaic.raster(), Palette.HAXBY, null, null);
    double[] balance = MapFigure.colourRange(mosaic.raster(), Palette.BALANCE, null, null);
    assertTrue(haxby[0] > -2967 && haxby[1] < 6608, "percentiles clip the extremes: " + haxby[0] + ".." + haxby[1]);
    assertEquals(-balance[0], balance[1]);
  }

  /**
   * The detections port: the Hawaiian topography (km, gridline-registered) with the catalogue as
   * circles and, as crosses, the catalogue's strongest seamounts (VGG >= 200 Eotvos) given as
   * Detections, on the diverging palette. 57 seamounts lie inside HI_topo_04 (data/NOTICE.md).
   */
  @Test
  void hawaiiWithCatalogueAndDetectionsOnADivergingPalette() throws IOException {
    Path png = Pngs.folder().resolve("map_hawaii_detections.png");
    Files.deleteIfExists(png);
    EsriAsciiTiles.Grid g = EsriAsciiTiles.read(EsriAsciiTiles.file("HI_topo_04.asc"));
    List<GridTile> tiles = EsriAsciiTiles.tiles(g, "HI_topo_04", "km", 64, 2);
    List<Row> rows = SeamountCatalogue.rows();
    List<Detection> strong = new ArrayList<>();
    for (Row r : rows) {
      if (r.number("VGG") >= 200) {
        strong.add(new Detection(r.key(), r.number("LON"), r.number("LAT"), r.number("VGG"), Map.of()));
      }
    }
    long strongInside = strong.stream().filter(d -> d.lon() >= 195 && d.lon() <= 210 && d.lat() >= 18 && d.lat() <= 25).count();

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<GridTile> t = p.apply("Tiles", Create.of(tiles).withCoder(SerializableCoder.of(GridTile.class)));
    PCollection<Row> r = p.apply("Rows", Create.of(rows).withCoder(SerializableCoder.of(Row.class)));
    PCollection<Detection> d = p.apply("Detections", Create.of(strong).withCoder(SerializableCoder.of(Detection.class)));
    PlotMap.Config config = new PlotMap.Config(png, "Hawaiian Islands, ETOPO5", Palette.BALANCE, null,
        "Topography", true, "Seamounts (WL97)", "LON", "LAT", "VGG \u2265 200 E\u00f6tv\u00f6s", 1600, 1000, 300);
    PCollectionTuple out = Pipeline.applyTransform("hawaii", StageInputs.of(t, r, d),
        new PlotMap().create(config, new StageContext("hawaii", png.getParent(), png.getParent(), false)));
    String name = png.toString();
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(written -> {
      Row row = written.iterator().next();
      assertEquals(name, row.get("path"));
      assertEquals(57L + strongInside, row.get("points"));
      // balance is diverging: its range is symmetric about sea level
      assertEquals(-(Double) row.get("colour_min"), (Double) row.get("colour_max"));
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      assertFalse(errors.iterator().hasNext(), "no errors");
      return null;
    });
    p.run().waitUntilFinish();
    BufferedImage img = Pngs.readChecked(png, 1600, 1000, 300);
    assertTrue(Pngs.count(img, new Color(200, 0, 120), 4) > 50, "the detection crosses are drawn");
  }
}
