package org.moho.io.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moho.core.data.GridTile;

/**
 * Cuts an open grid into {@link GridTile}s of {@code tileSize x tileSize} interior nodes (smaller
 * at the east and north edges) plus a halo of {@code halo} nodes on every side, copied from the
 * neighbouring nodes, NaN beyond the grid's edge. Tiles come a band (one row of tiles) at a time:
 * a band reads {@code tileSize + 2*halo} rows of the file, so the memory needed is about
 * {@code (tileSize + 2*halo) * nx * 4} bytes for the rows plus the same again for the band's
 * tiles, whatever the grid's size. The interiors of all tiles cover every node exactly once.
 */
public final class GridTiler {
  private final GridFile file;
  private final GridHeader h;
  private final int tileSize;
  private final int halo;

  public GridTiler(GridFile file, int tileSize, int halo) {
    if (tileSize <= 0 || halo < 0) throw new IllegalArgumentException("tile size " + tileSize + ", halo " + halo);
    this.file = file;
    this.h = file.header();
    this.tileSize = tileSize;
    this.halo = halo;
  }

  public GridHeader header() {
    return h;
  }

  /** Number of bands (rows of tiles), south to north. */
  public int bands() {
    return ceilDiv(h.ny(), tileSize);
  }

  /** Number of tiles in each band, west to east. */
  public int tilesPerBand() {
    return ceilDiv(h.nx(), tileSize);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** The tiles of band {@code b} (0 = southernmost), west to east. */
  public List<GridTile> band(int b) throws IOException {
    if (b < 0 || b >= bands()) throw new IllegalArgumentException("band " + b + " of " + bands());
    int rowFirst = b * tileSize - halo; // global row of the tiles' row 0 (may be < 0)
    int interiorRows = Math.min(tileSize, h.ny() - b * tileSize);
    int tileNy = interiorRows + 2 * halo;
    int readFrom = Math.max(0, rowFirst);
    int readTo = Math.min(h.ny(), rowFirst + tileNy);
    float[] rows = file.readRows(readFrom, readTo - readFrom);
    int nx = h.nx();
    List<GridTile> tiles = new ArrayList<>(tilesPerBand());
    for (int t = 0; t < tilesPerBand(); t++) {
      int colFirst = t * tileSize - halo;
      int interiorCols = Math.min(tileSize, nx - t * tileSize);
      int tileNx = interiorCols + 2 * halo;
      float[] v = new float[tileNx * tileNy];
      Arrays.fill(v, Float.NaN);
      int c0 = Math.max(0, colFirst);
      int c1 = Math.min(nx, colFirst + tileNx);
      for (int r = readFrom; r < readTo; r++) {
        System.arraycopy(rows, (r - readFrom) * nx + c0, v, (r - rowFirst) * tileNx + (c0 - colFirst), c1 - c0);
      }
      tiles.add(new GridTile(h.source(), h.units(), h.registration(), nx, h.ny(), colFirst, rowFirst,
          tileNx, tileNy, halo, h.x(colFirst), h.y(rowFirst), h.dx(), h.dy(), v));
    }
    return tiles;
  }
}
