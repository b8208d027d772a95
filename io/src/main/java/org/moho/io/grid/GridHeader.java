package org.moho.io.grid;

import java.io.Serializable;
import org.moho.core.data.Registration;

/**
 * The geometry of a whole regular grid: {@code nx x ny} nodes, node (0, 0) at the south-west
 * ({@code x0, y0}), spacing {@code dx, dy} (positive; row j counts south→north as in
 * {@link org.moho.core.data.GridTile}), where the values sit, and the units of the values
 * ({@code ""} when the file does not say).
 */
public record GridHeader(
    String source, int nx, int ny, double x0, double y0, double dx, double dy, Registration registration, String units)
    implements Serializable {

  public GridHeader {
    if (nx <= 0 || ny <= 0) throw new IllegalArgumentException("grid of " + nx + " x " + ny + " nodes");
    if (!(dx > 0) || !(dy > 0)) throw new IllegalArgumentException("grid spacing " + dx + " x " + dy + " must be > 0");
    // an infinite or NaN origin or extent (a header "xllcorner inf", a coordinate axis of 1e308
    // steps) made every node's coordinate meaningless and broke the longitude handling downstream
    // (found by EsriGridFuzzTest and NetcdfClassicFuzzTest)
    if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(dx) || !Double.isFinite(dy)
        || !Double.isFinite(x0 + (nx - 1) * dx) || !Double.isFinite(y0 + (ny - 1) * dy)) {
      throw new IllegalArgumentException("grid origin (" + x0 + ", " + y0 + ") with spacing " + dx + " x " + dy
          + " over " + nx + " x " + ny + " nodes does not give finite coordinates");
    }
    units = units == null ? "" : units;
  }

  public double x(int col) {
    return x0 + col * dx;
  }

  public double y(int row) {
    return y0 + row * dy;
  }

  /** Half a spacing for pixel registration (the bounds are cell edges), 0 for gridline. */
  private double half(double d) {
    return registration == Registration.PIXEL ? d / 2 : 0;
  }

  /** The region's bounds as GMT reports them (w, e, s, n: cell edges for pixel registration). */
  public double west() {
    return x0 - half(dx);
  }

  public double east() {
    return x(nx - 1) + half(dx);
  }

  public double south() {
    return y0 - half(dy);
  }

  public double north() {
    return y(ny - 1) + half(dy);
  }

  public long nodes() {
    return (long) nx * ny;
  }

  public GridHeader withX0(double newX0) {
    return new GridHeader(source, nx, ny, newX0, y0, dx, dy, registration, units);
  }

  public GridHeader withSource(String newSource) {
    return new GridHeader(newSource, nx, ny, x0, y0, dx, dy, registration, units);
  }

  public GridHeader withUnits(String newUnits) {
    return new GridHeader(source, nx, ny, x0, y0, dx, dy, registration, newUnits);
  }
}
