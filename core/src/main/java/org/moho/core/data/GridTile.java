package org.moho.core.data;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A rectangular block of a regular lon/lat grid, with a halo of {@code halo} nodes on each side
 * copied from its neighbours (NaN beyond the grid's edge), so that neighbourhood operations
 * (patches, filters, local minima) need only one tile at a time.
 *
 * <p>Node {@code (i, j)} of this tile (column i west→east, row j south→north, both counting the
 * halo) sits at {@code x = x0 + i*dx}, {@code y = y0 + j*dy} and its value is
 * {@code values[j*nx + i]}; NaN means no data. For pixel registration the nodes are cell centres.
 * {@code col0,row0} is the global index of this tile's node (0,0) in the whole grid of
 * {@code gridNx x gridNy} nodes (negative inside the halo at the grid's west or south edge).
 */
@DefaultCoder(SerializableCoder.class)
public record GridTile(
    String source,
    String units,
    Registration registration,
    int gridNx,
    int gridNy,
    int col0,
    int row0,
    int nx,
    int ny,
    int halo,
    double x0,
    double y0,
    double dx,
    double dy,
    float[] values)
    implements Serializable {

  public GridTile {
    if (values.length != (long) nx * ny) {
      throw new IllegalArgumentException("tile has " + values.length + " values for " + nx + "x" + ny);
    }
  }

  public float at(int i, int j) {
    return values[j * nx + i];
  }

  public double x(int i) {
    return x0 + i * dx;
  }

  public double y(int j) {
    return y0 + j * dy;
  }

  /** True when local node (i, j) is inside this tile's own block (not in its halo). */
  public boolean interior(int i, int j) {
    return i >= halo && i < nx - halo && j >= halo && j < ny - halo;
  }

  /** A stable key: source and the global index of the tile's first interior node. */
  public String key() {
    return source + "[" + (col0 + halo) + "," + (row0 + halo) + "]";
  }
}
