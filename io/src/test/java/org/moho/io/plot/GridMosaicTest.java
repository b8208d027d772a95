package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moho.core.data.GridTile;
import org.moho.io.testdata.EsriAsciiTiles;

class GridMosaicTest {
  private static final double CELL = 1.0 / 12; // 5 arc-minutes

  private static EsriAsciiTiles.Grid grid() throws IOException {
    return EsriAsciiTiles.read(EsriAsciiTiles.file("pac_residual_topo.asc"));
  }

  @Test
  void tilesWithHalosGoBackTogetherNodeForNode() throws IOException {
    EsriAsciiTiles.Grid g = grid();
    List<GridTile> tiles = EsriAsciiTiles.tiles(g, "pac_residual_topo", "m", 100, 3);
    Collections.reverse(tiles); // arrival order must not matter
    GridMosaic mosaic = new GridMosaic(tiles.get(0), 1600, 1000);
    tiles.forEach(mosaic::add);
    GridMosaic.Raster r = mosaic.raster();
    assertEquals(600, r.cols());
    assertEquals(456, r.rows());
    assertEquals(1, r.strideX());
    // Pixel registration: the cells' edges are the grid's bounds from `gmt grdinfo` (160/210/17/55).
    assertEquals(160, r.west(), 1e-9);
    assertEquals(210, r.east(), 1e-9);
    assertEquals(17, r.south(), 1e-9);
    assertEquals(55, r.north(), 1e-9);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int row = 0; row < 456; row++) {
      for (int col = 0; col < 600; col++) {
        float v = r.at(col, row);
        assertEquals(g.at(col, row), v, 0f, "node " + col + "," + row);
        if (!Float.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    assertEquals(-2967f, min); // v_min, v_max of `gmt grdinfo pac_residual_topo.nc`
    assertEquals(6608f, max);
  }

  @Test
  void aLargerGridIsAveragedDownLikeGmtBlockmean() throws IOException {
    EsriAsciiTiles.Grid g = grid();
    List<GridTile> tiles = EsriAsciiTiles.tiles(g, "pac_residual_topo", "m", 128, 2);
    GridMosaic mosaic = new GridMosaic(tiles.get(0), 300, 228);
    tiles.forEach(mosaic::add);
    GridMosaic.Raster r = mosaic.raster();
    assertEquals(300, r.cols());
    assertEquals(228, r.rows());
    assertEquals(2, r.strideX());
    int checked = 0;
    try (InputStream in = getClass().getResourceAsStream("pac_residual_topo_blockmean_10m.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        String[] f = line.trim().split("\\s+");
        double lon = Double.parseDouble(f[0]);
        double lat = Double.parseDouble(f[1]);
        int col = (int) Math.floor((lon - r.west()) / (2 * CELL));
        int row = (int) Math.floor((lat - r.south()) / (2 * CELL));
        assertEquals(Double.parseDouble(f[2]), r.at(col, row), 1e-3, "block at " + lon + "," + lat);
        checked++;
      }
    }
    assertEquals(668, checked);
  }

  @Test
  void aTileOfAnotherGridIsRefused() throws IOException {
    EsriAsciiTiles.Grid g = grid();
    GridTile ours = EsriAsciiTiles.tiles(g, "pac", "m", 100, 0).get(0);
    EsriAsciiTiles.Grid hawaii = EsriAsciiTiles.read(EsriAsciiTiles.file("HI_topo_04.asc"));
    GridTile other = EsriAsciiTiles.tiles(hawaii, "hi", "km", 100, 0).get(0);
    GridMosaic mosaic = new GridMosaic(ours, 1600, 1000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mosaic.add(other));
    assertTrue(e.getMessage().contains("is not part of the grid of pac"), e.getMessage());
  }
}
