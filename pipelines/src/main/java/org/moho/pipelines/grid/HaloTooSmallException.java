package org.moho.pipelines.grid;

import org.moho.core.data.GridTile;

/**
 * A tile's halo is narrower than a neighbourhood operation needs. This is a configuration
 * problem (the same for every tile of the grid), so it stops the run instead of becoming an
 * error record per tile.
 */
public final class HaloTooSmallException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public HaloTooSmallException(GridTile tile, int needed, String what) {
    super(what + " needs a tile halo of at least " + needed + " nodes but tile " + tile.key()
        + " has halo " + tile.halo() + " (at latitudes " + String.format("%.2f..%.2f", tile.y(0), tile.y(tile.ny() - 1))
        + "): raise `halo` of grid.read (the stage that cuts the grid into tiles), or make the filter or patch smaller");
  }
}
