package org.moho.io.grid;

import java.io.IOException;

/**
 * A grid seen with its longitudes moved into the range asked for and its values converted to the
 * units asked for. Moving longitudes shifts the whole grid by ±360° and so keeps it contiguous;
 * a grid that straddles the range's seam (e.g. 160–210° E asked for as −180..180) cannot be both
 * contiguous and inside the range, and keeps its longitudes (see {@link #straddles()}).
 */
final class AdjustedGridFile implements GridFile {
  private final GridFile file;
  private final GridHeader header;
  private final double factor;
  private final boolean straddles;
  private final boolean unitsAssumed;

  private AdjustedGridFile(GridFile file, GridHeader header, double factor, boolean straddles, boolean unitsAssumed) {
    this.file = file;
    this.header = header;
    this.factor = factor;
    this.straddles = straddles;
    this.unitsAssumed = unitsAssumed;
  }

  /**
   * {@code longitudes}: "keep", "180" (−180..180) or "360" (0..360). Units: a grid whose file
   * names no units is taken to be in the unit asked for; a unit that is not a length is an error.
   */
  static AdjustedGridFile of(GridFile file, String longitudes, ZUnits units) throws IOException {
    GridHeader h = file.header();
    boolean straddles = false;
    double shift = 0;
    if (!longitudes.equals("keep")) {
      double lo = longitudes.equals("180") ? -180 : 0;
      double hi = lo + 360;
      if (h.west() >= hi) shift = -360;
      else if (h.east() <= lo) shift = 360;
      else if (h.west() < lo || h.east() > hi) straddles = true;
    }
    double factor = 1;
    boolean assumed = false;
    String outUnits = h.units();
    if (units != ZUnits.KEEP) {
      if (h.units().isEmpty()) {
        assumed = true;
      } else {
        double m = ZUnits.metres(h.units());
        if (Double.isNaN(m)) throw new IOException("cannot convert units '" + h.units() + "' to " + units.symbol());
        factor = m / ZUnits.metres(units.symbol());
      }
      outUnits = units.symbol();
    }
    GridHeader adjusted = h.withX0(h.x0() + shift).withUnits(outUnits);
    return new AdjustedGridFile(file, adjusted, factor, straddles, assumed);
  }

  /** True when the grid crosses the seam of the longitude range asked for and was left as is. */
  boolean straddles() {
    return straddles;
  }

  /** True when the file named no units and the unit asked for was assumed. */
  boolean unitsAssumed() {
    return unitsAssumed;
  }

  @Override
  public GridHeader header() {
    return header;
  }

  @Override
  public float[] readRows(int row0, int rows, double extra) throws IOException {
    return file.readRows(row0, rows, factor * extra);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
