package org.moho.pipelines.grid;

import org.apache.commons.math3.special.BesselJ;

/**
 * The space-domain weights of a radially symmetric Butterworth low-pass of cutoff wavelength
 * {@code width} (amplitude response {@code H(k) = 1 / sqrt(1 + (k/kc)^(2 order))}, {@code kc = 1/width}),
 * band-limited at {@code kmax} (the grid's Nyquist wavenumber, since a grid holds nothing above it).
 *
 * <p>A Butterworth is defined in the wavenumber domain; to filter tiles with holes and edges by
 * normalised convolution we need its kernel in space, the 2-D inverse Fourier transform of a
 * radial function, i.e. the Hankel transform {@code h(r) = 2 pi \int_0^kmax H(k) J0(2 pi k r) k dk}.
 * It is tabulated once (Simpson's rule) and truncated at {@code r = width} (one cutoff
 * wavelength: past the main lobe and the first side lobes), so a tile needs a halo of one width.
 */
public final class ButterworthKernel implements RadialKernel {
  private static final long serialVersionUID = 1L;
  private static final int TABLE = 256;

  private final double width;
  private final int order;
  private final double kmax;
  private final double[] table;

  public ButterworthKernel(double width, int order, double kmax) {
    if (!(width > 0)) throw new IllegalArgumentException("width must be > 0, got " + width);
    if (order < 1) throw new IllegalArgumentException("order must be >= 1, got " + order);
    if (!(kmax > 0)) throw new IllegalArgumentException("kmax must be > 0, got " + kmax);
    this.width = width;
    this.order = order;
    this.kmax = kmax;
    this.table = tabulate();
  }

  private double[] tabulate() {
    double kc = 1.0 / width;
    // J0(2 pi k r) makes about kmax * r oscillations over [0, kmax]; 32 Simpson steps per oscillation.
    int steps = 2 * (int) Math.ceil(16 * kmax * radius() + 32);
    double hk = kmax / steps;
    double[] response = new double[steps + 1];
    for (int m = 0; m <= steps; m++) {
      double k = m * hk;
      response[m] = k / Math.sqrt(1 + Math.pow(k / kc, 2 * order));
    }
    double[] t = new double[TABLE + 1];
    for (int n = 0; n <= TABLE; n++) {
      double r = radius() * n / TABLE;
      double sum = 0;
      for (int m = 0; m <= steps; m++) {
        double c = (m == 0 || m == steps) ? 1 : (m % 2 == 1 ? 4 : 2);
        double x = 2 * Math.PI * m * hk * r;
        sum += c * response[m] * (x == 0 ? 1.0 : BesselJ.value(0, x));
      }
      t[n] = 2 * Math.PI * sum * hk / 3;
    }
    return t;
  }

  @Override
  public double weight(double r) {
    if (r > radius()) return 0;
    double x = r / radius() * TABLE;
    int n = Math.min((int) x, TABLE - 1);
    double f = x - n;
    return table[n] * (1 - f) + table[n + 1] * f;
  }

  @Override
  public double radius() {
    return width;
  }

  public int order() {
    return order;
  }

  public double kmax() {
    return kmax;
  }
}
