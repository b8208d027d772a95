package org.moho.pipelines.grid;

import java.util.List;
import org.moho.core.data.GridTile;

/**
 * The value of a tiled grid at any lon/lat: bilinear between the four surrounding nodes, or the
 * nearest node's value where one of the four is missing (NaN, or beyond the tiles' halo), so
 * that a value is given wherever the nearest node has one. NaN outside the grid (more than half a
 * spacing beyond its outer nodes) and where the nearest node is NaN.
 */
public final class GridSampler {
  private final List<GridTile> tiles;

  public GridSampler(List<GridTile> tiles) {
    this.tiles = List.copyOf(tiles);
  }

  public double at(double lon, double lat) {
    if (tiles.isEmpty()) return Double.NaN;
    GridTile any = tiles.get(0);
    double xg0 = any.x(-any.col0());
    double yg0 = any.y(-any.row0());
    double fx = (Earth.wrapLon(lon, xg0 - any.dx() / 2) - xg0) / any.dx();
    double fy = (lat - yg0) / any.dy();
    long gi = Math.round(fx);
    long gj = Math.round(fy);
    if (gi < 0 || gi >= any.gridNx() || gj < 0 || gj >= any.gridNy()) return Double.NaN;
    for (GridTile t : tiles) {
      int li = (int) (gi - t.col0());
      int lj = (int) (gj - t.row0());
      if (li < 0 || lj < 0 || li >= t.nx() || lj >= t.ny() || !t.interior(li, lj)) continue;
      return bilinear(t, fx - t.col0(), fy - t.row0(), li, lj);
    }
    return Double.NaN; // a node no tile holds: tiles missing from the input
  }

  private static double bilinear(GridTile t, double x, double y, int nearestI, int nearestJ) {
    double nearest = t.at(nearestI, nearestJ);
    int i0 = (int) Math.floor(x);
    int j0 = (int) Math.floor(y);
    if (i0 < 0 || j0 < 0 || i0 + 1 >= t.nx() || j0 + 1 >= t.ny()) return nearest;
    double a = t.at(i0, j0);
    double b = t.at(i0 + 1, j0);
    double c = t.at(i0, j0 + 1);
    double d = t.at(i0 + 1, j0 + 1);
    if (Double.isNaN(a + b + c + d)) return nearest;
    double u = x - i0;
    double v = y - j0;
    return (1 - v) * ((1 - u) * a + u * b) + v * ((1 - u) * c + u * d);
  }
}
