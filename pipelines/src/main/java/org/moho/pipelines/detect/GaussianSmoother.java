package org.moho.pipelines.detect;

/**
 * Gaussian low-pass of a block of grid values by NaN-aware normalised convolution: the result at
 * a node is the Gaussian-weighted mean of the finite values around it, so holes and the block's
 * edges neither pull the field towards zero nor spread NaN. Nodes that are NaN in the input stay
 * NaN. The kernel is separable (one pass along x, one along y, each with its own sigma, because a
 * degree of longitude is shorter than a degree of latitude) and truncated at 3 sigma, which is
 * GMT {@code grdfilter -Fg}'s convention of a full width of 6 sigma.
 *
 * <p>Written here rather than taken from a library because none of the available ones (JTransforms,
 * commons-math3) does normalised convolution with NaN holes; it is a few loops.
 */
public final class GaussianSmoother {
  private GaussianSmoother() {}

  /** Mean Earth radius used to turn degrees into km, km. */
  public static final double EARTH_RADIUS_KM = 6371.0;
  static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180.0;

  /**
   * The smoothed copy of {@code v} ({@code nx x ny}, row-major {@code v[j*nx+i]}); a sigma of 0
   * along an axis leaves that axis unfiltered.
   */
  public static float[] smooth(float[] v, int nx, int ny, double sigmaX, double sigmaY) {
    double[] sx = new double[ny];
    java.util.Arrays.fill(sx, sigmaX);
    return smooth(v, nx, ny, sx, sigmaY);
  }

  /**
   * As {@link #smooth(float[], int, int, double, double)} with a sigma along x for each row, so
   * that on a geographic grid the kernel keeps its width in km as the meridians converge.
   */
  public static float[] smooth(float[] v, int nx, int ny, double[] sigmaXByRow, double sigmaY) {
    double[] num = new double[v.length];
    double[] den = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      if (!Float.isNaN(v[k])) {
        num[k] = v[k];
        den[k] = 1;
      }
    }
    double[][] kx = new double[ny][];
    for (int j = 0; j < ny; j++) kx[j] = kernel(sigmaXByRow[j]);
    double[][] ky = new double[nx][];
    java.util.Arrays.fill(ky, kernel(sigmaY));
    num = pass(pass(num, nx, ny, kx, 1, nx), nx, ny, ky, nx, ny);
    den = pass(pass(den, nx, ny, kx, 1, nx), nx, ny, ky, nx, ny);
    float[] out = new float[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = Float.isNaN(v[k]) || den[k] <= 0 ? Float.NaN : (float) (num[k] / den[k]);
    }
    return out;
  }

  /** Half-kernel weights {@code w[0..r]}, r = ceil(3 sigma); {@code [1]} for sigma 0. */
  static double[] kernel(double sigma) {
    if (sigma <= 0) return new double[] {1};
    int r = (int) Math.ceil(3 * sigma);
    double[] w = new double[r + 1];
    for (int d = 0; d <= r; d++) w[d] = Math.exp(-0.5 * d * d / (sigma * sigma));
    return w;
  }

  /** Kernel half-length in nodes for a sigma: how much halo a tile needs for an exact result. */
  public static int reach(double sigma) {
    return kernel(sigma).length - 1;
  }

  /**
   * One 1-D pass along an axis with stride {@code step} over {@code len} positions, with a
   * half-kernel per line.
   */
  private static double[] pass(double[] a, int nx, int ny, double[][] kernels, int step, int len) {
    double[] out = new double[a.length];
    int lines = step == 1 ? ny : nx;
    int lineStride = step == 1 ? nx : 1;
    for (int line = 0; line < lines; line++) {
      double[] w = kernels[line];
      int r = w.length - 1;
      int base = line * lineStride;
      for (int p = 0; p < len; p++) {
        double s = 0;
        int lo = Math.max(0, p - r);
        int hi = Math.min(len - 1, p + r);
        for (int q = lo; q <= hi; q++) s += w[Math.abs(q - p)] * a[base + q * step];
        out[base + p * step] = s;
      }
    }
    return out;
  }

  /**
   * Sigmas in nodes {@code {sx, sy}} for a full width (6 sigma) in km on a geographic grid of
   * spacing {@code dx, dy} degrees, with x measured at latitude {@code lat}.
   */
  public static double[] sigmaNodes(double widthKm, double dx, double dy, double lat) {
    double sigmaKm = widthKm / 6.0;
    double dxKm = Math.abs(dx) * KM_PER_DEGREE * Math.cos(Math.toRadians(lat));
    double dyKm = Math.abs(dy) * KM_PER_DEGREE;
    return new double[] {sigmaKm / dxKm, sigmaKm / dyKm};
  }
}
