package org.moho.io.grid;

import java.io.IOException;
import java.util.Iterator;
import org.moho.core.data.GridTile;

/**
 * The whole grid that a set of {@link GridTile}s came from, put back together by the global
 * indices each tile carries ({@code col0, row0}, {@code gridNx x gridNy}), readable band by band
 * like any {@link GridFile}. Only tiles' interiors are used (halos are copies). Each band makes a
 * pass over the tiles and keeps only that band's rows, so memory is one band plus whatever the
 * runner holds of the tiles; a band whose nodes are not all covered exactly once is an error.
 */
final class TileAssembly implements GridFile {
  private final Iterable<GridTile> tiles;
  private final GridHeader header;

  TileAssembly(Iterable<GridTile> tiles) throws IOException {
    this.tiles = tiles;
    Iterator<GridTile> it = tiles.iterator();
    if (!it.hasNext()) throw new IOException("no tiles");
    GridTile t = it.next();
    // The grid's node (0, 0) from this tile's own origin and global offset.
    double x0 = t.x0() - t.col0() * t.dx();
    double y0 = t.y0() - t.row0() * t.dy();
    this.header = new GridHeader(t.source(), t.gridNx(), t.gridNy(), x0, y0, t.dx(), t.dy(), t.registration(), t.units());
  }

  @Override
  public GridHeader header() {
    return header;
  }

  @Override
  public float[] readRows(int row0, int rows, double factor) throws IOException {
    GridFile.checkBand(header, row0, rows);
    int nx = header.nx();
    float[] out = new float[rows * nx];
    byte[] seen = new byte[rows * nx];
    for (GridTile t : tiles) {
      if (t.gridNx() != nx || t.gridNy() != header.ny() || t.registration() != header.registration()
          || Math.abs(t.dx() - header.dx()) > 1e-9 * header.dx() || Math.abs(t.dy() - header.dy()) > 1e-9 * header.dy()) {
        throw new IOException("tile " + t.key() + " belongs to a different grid (" + t.gridNx() + " x " + t.gridNy()
            + ") than " + header.source() + " (" + nx + " x " + header.ny() + ")");
      }
      int h = t.halo();
      int jFrom = Math.max(h, row0 - t.row0());
      int jTo = Math.min(t.ny() - h, row0 + rows - t.row0());
      for (int j = jFrom; j < jTo; j++) {
        int r = t.row0() + j - row0;
        for (int i = h; i < t.nx() - h; i++) {
          int c = t.col0() + i;
          if (c < 0 || c >= nx) throw new IOException("tile " + t.key() + " has interior column " + c + " outside 0.." + (nx - 1));
          int k = r * nx + c;
          if (seen[k]++ > 0) throw new IOException("node (" + c + ", " + (row0 + r) + ") is in more than one tile's interior");
          float v = t.values()[j * t.nx() + i];
          out[k] = factor == 1 ? v : (float) (v * factor);
        }
      }
    }
    for (int k = 0; k < seen.length; k++) {
      if (seen[k] == 0) {
        throw new IOException("no tile covers node (" + (k % nx) + ", " + (row0 + k / nx) + ") of " + header.source()
            + ": the tiles do not make up the whole grid");
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
