package org.moho.pipelines.seismo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.complex.Complex;

/**
 * Digital Butterworth filters as second-order sections, designed exactly as
 * {@code scipy.signal.butter(order, Wn, btype, fs=fs, output='sos')} does: the analog prototype's
 * poles, corner frequencies pre-warped with {@code 2·fs'·tan(π·Wn/fs')} (fs' = 2 after
 * normalising), the low-/high-/band-pass transform, the bilinear transform, and SciPy's
 * {@code zpk2sos(pairing='nearest')} grouping (poles nearest the unit circle in the last section,
 * each paired with its nearest zeros, the gain in the first section).
 *
 * <p>Written here rather than taken from a library because no maintained Java library designs
 * filters this way, and matching SciPy's sections lets the tests compare coefficients and
 * filtered traces against SciPy directly. Pre-warping puts |H| = 1/√2 (−3 dB) exactly at every
 * corner frequency.
 */
public final class ButterworthDesign {
  /** Which band the filter passes. */
  public enum Band { LOWPASS, HIGHPASS, BANDPASS }

  private static final double REAL_TOL = 100 * Math.ulp(1.0);

  private ButterworthDesign() {}

  /** Low-pass of {@code order} with its −3 dB corner at {@code corner} Hz, for a rate of {@code fs} Hz. */
  public static double[][] lowpass(int order, double corner, double fs) {
    return design(Band.LOWPASS, order, new double[] {corner}, fs);
  }

  public static double[][] highpass(int order, double corner, double fs) {
    return design(Band.HIGHPASS, order, new double[] {corner}, fs);
  }

  /** Band-pass; as in SciPy, the analog prototype of {@code order} gives {@code 2·order} poles. */
  public static double[][] bandpass(int order, double low, double high, double fs) {
    return design(Band.BANDPASS, order, new double[] {low, high}, fs);
  }

  /**
   * Second-order sections {@code [b0, b1, b2, 1, a1, a2]}, one row each.
   *
   * @throws IllegalArgumentException when a corner is not inside (0, fs/2) or the order is < 1
   */
  public static double[][] design(Band band, int order, double[] corners, double fs) {
    if (order < 1) throw new IllegalArgumentException("order must be >= 1, got " + order);
    int expected = band == Band.BANDPASS ? 2 : 1;
    if (corners.length != expected) {
      throw new IllegalArgumentException(band + " needs " + expected + " corner frequencies");
    }
    double[] warped = new double[corners.length];
    for (int i = 0; i < corners.length; i++) {
      double wn = 2 * corners[i] / fs; // fraction of Nyquist, as SciPy normalises when fs is given
      if (!(wn > 0 && wn < 1)) {
        throw new IllegalArgumentException("corner " + corners[i] + " Hz must be inside (0, " + fs / 2 + ") Hz");
      }
      warped[i] = 2 * 2.0 * Math.tan(Math.PI * wn / 2.0);
    }
    if (band == Band.BANDPASS && !(warped[0] < warped[1])) {
      throw new IllegalArgumentException("band-pass corners must be increasing: " + corners[0] + ", " + corners[1]);
    }
    // Analog prototype (buttap): no zeros, poles on the left half of the unit circle, gain 1.
    List<Complex> z = new ArrayList<>();
    List<Complex> p = new ArrayList<>();
    for (int m = -order + 1; m < order; m += 2) {
      p.add(new Complex(Math.cos(Math.PI * m / (2.0 * order)), Math.sin(Math.PI * m / (2.0 * order))).negate());
    }
    double k = 1;
    int degree = p.size() - z.size();
    switch (band) {
      case LOWPASS -> {
        double wo = warped[0];
        p = scale(p, wo);
        k *= Math.pow(wo, degree);
      }
      case HIGHPASS -> {
        double wo = warped[0];
        // k * prod(-z)/prod(-p); the prototype has no zeros
        Complex prodP = Complex.ONE;
        for (Complex pi : p) prodP = prodP.multiply(pi.negate());
        k *= Complex.ONE.divide(prodP).getReal();
        List<Complex> ph = new ArrayList<>();
        for (Complex pi : p) ph.add(new Complex(wo, 0).divide(pi));
        p = ph;
        for (int i = 0; i < degree; i++) z.add(Complex.ZERO);
      }
      case BANDPASS -> {
        double bw = warped[1] - warped[0];
        double wo = Math.sqrt(warped[0] * warped[1]);
        List<Complex> plp = scale(p, bw / 2);
        List<Complex> pbp = new ArrayList<>();
        for (Complex c : plp) pbp.add(c.add(c.multiply(c).subtract(wo * wo).sqrt()));
        for (Complex c : plp) pbp.add(c.subtract(c.multiply(c).subtract(wo * wo).sqrt()));
        p = pbp;
        for (int i = 0; i < degree; i++) z.add(Complex.ZERO);
        k *= Math.pow(bw, degree);
      }
      default -> throw new AssertionError(band);
    }
    // Bilinear transform with fs' = 2 (bilinear_zpk).
    double fs2 = 2 * 2.0;
    Complex num = Complex.ONE;
    Complex den = Complex.ONE;
    List<Complex> zz = new ArrayList<>();
    List<Complex> pz = new ArrayList<>();
    for (Complex zi : z) {
      zz.add(new Complex(fs2).add(zi).divide(new Complex(fs2).subtract(zi)));
      num = num.multiply(new Complex(fs2).subtract(zi));
    }
    for (Complex pi : p) {
      pz.add(new Complex(fs2).add(pi).divide(new Complex(fs2).subtract(pi)));
      den = den.multiply(new Complex(fs2).subtract(pi));
    }
    for (int i = 0; i < p.size() - z.size(); i++) zz.add(new Complex(-1));
    k *= num.divide(den).getReal();
    return zpk2sos(zz, pz, k);
  }

  /** |H(f)| of a cascade of sections at {@code f} Hz for a rate of {@code fs} Hz. */
  public static double magnitude(double[][] sos, double f, double fs) {
    double w = 2 * Math.PI * f / fs;
    Complex zInv = new Complex(Math.cos(w), -Math.sin(w));
    Complex zInv2 = zInv.multiply(zInv);
    Complex h = Complex.ONE;
    for (double[] s : sos) {
      Complex b = zInv2.multiply(s[2]).add(zInv.multiply(s[1])).add(s[0]);
      Complex a = zInv2.multiply(s[5]).add(zInv.multiply(s[4])).add(s[3]);
      h = h.multiply(b.divide(a));
    }
    return h.abs();
  }

  private static List<Complex> scale(List<Complex> xs, double f) {
    List<Complex> out = new ArrayList<>();
    for (Complex c : xs) out.add(c.multiply(f));
    return out;
  }

  private static boolean isReal(Complex c) {
    return c.getImaginary() == 0;
  }

  /** SciPy's zpk2sos with pairing='nearest' for a digital filter. */
  static double[][] zpk2sos(List<Complex> zIn, List<Complex> pIn, double k) {
    List<Complex> z = new ArrayList<>(zIn);
    List<Complex> p = new ArrayList<>(pIn);
    while (p.size() < z.size()) p.add(Complex.ZERO);
    while (z.size() < p.size()) z.add(Complex.ZERO);
    int nSections = (p.size() + 1) / 2;
    if (p.size() % 2 == 1) {
      p.add(Complex.ZERO);
      z.add(Complex.ZERO);
    }
    z = cplxreal(z);
    p = cplxreal(p);
    double[][] sos = new double[nSections][];
    for (int si = nSections - 1; si >= 0; si--) {
      int p1Idx = worst(p);
      Complex p1 = p.remove(p1Idx);
      long realPolesLeft = p.stream().filter(ButterworthDesign::isReal).count();
      if (isReal(p1) && realPolesLeft == 0) {
        Complex z1 = z.remove(nearest(z, p1, Which.REAL));
        sos[si] = single(new Complex[] {z1, Complex.ZERO}, new Complex[] {p1, Complex.ZERO});
      } else if (p.size() + 1 == z.size() && !isReal(p1) && realPolesLeft == 1
          && z.stream().filter(ButterworthDesign::isReal).count() == 1) {
        Complex z1 = z.remove(nearest(z, p1, Which.COMPLEX));
        sos[si] = single(new Complex[] {z1, z1.conjugate()}, new Complex[] {p1, p1.conjugate()});
      } else {
        Complex p2;
        if (isReal(p1)) {
          int best = -1;
          for (int i = 0; i < p.size(); i++) {
            if (isReal(p.get(i)) && (best < 0 || dist(p.get(i)) < dist(p.get(best)))) best = i;
          }
          p2 = p.remove(best);
        } else {
          p2 = p1.conjugate();
        }
        if (!z.isEmpty()) {
          Complex z1 = z.remove(nearest(z, p1, Which.ANY));
          if (!isReal(z1)) {
            sos[si] = single(new Complex[] {z1, z1.conjugate()}, new Complex[] {p1, p2});
          } else if (!z.isEmpty()) {
            Complex z2 = z.remove(nearest(z, p1, Which.REAL));
            sos[si] = single(new Complex[] {z1, z2}, new Complex[] {p1, p2});
          } else {
            sos[si] = single(new Complex[] {z1}, new Complex[] {p1, p2});
          }
        } else {
          sos[si] = single(new Complex[] {}, new Complex[] {p1, p2});
        }
      }
    }
    for (int i = 0; i < 3; i++) sos[0][i] *= k;
    return sos;
  }

  private enum Which { REAL, COMPLEX, ANY }

  private static double dist(Complex c) {
    return Math.abs(1 - c.abs());
  }

  private static int worst(List<Complex> p) {
    int best = 0;
    for (int i = 1; i < p.size(); i++) if (dist(p.get(i)) < dist(p.get(best))) best = i;
    return best;
  }

  private static int nearest(List<Complex> from, Complex to, Which which) {
    int best = -1;
    for (int i = 0; i < from.size(); i++) {
      Complex c = from.get(i);
      boolean ok = which == Which.ANY || (which == Which.REAL) == isReal(c);
      if (ok && (best < 0 || c.subtract(to).abs() < from.get(best).subtract(to).abs())) best = i;
    }
    if (best < 0) throw new IllegalStateException("no " + which + " zero left to pair");
    return best;
  }

  /** One section from up to two zeros and two poles: numerator and denominator right-aligned. */
  private static double[] single(Complex[] z, Complex[] p) {
    double[] b = poly(z);
    double[] a = poly(p);
    double[] s = new double[6];
    System.arraycopy(b, 0, s, 3 - b.length, b.length);
    System.arraycopy(a, 0, s, 6 - a.length, a.length);
    return s;
  }

  private static double[] poly(Complex[] roots) {
    Complex[] c = {Complex.ONE};
    for (Complex r : roots) {
      Complex[] next = new Complex[c.length + 1];
      for (int i = 0; i < next.length; i++) next[i] = Complex.ZERO;
      for (int i = 0; i < c.length; i++) {
        next[i] = next[i].add(c[i]);
        next[i + 1] = next[i + 1].subtract(c[i].multiply(r));
      }
      c = next;
    }
    double[] out = new double[c.length];
    for (int i = 0; i < c.length; i++) out[i] = c[i].getReal();
    return out;
  }

  /**
   * SciPy's _cplxreal: one member (positive imaginary part) of each conjugate pair, averaged with
   * its partner, followed by the real values sorted ascending. Values within 100 ulp of the real
   * axis (relative) count as real.
   */
  private static List<Complex> cplxreal(List<Complex> values) {
    List<Complex> reals = new ArrayList<>();
    List<Complex> pos = new ArrayList<>();
    List<Complex> neg = new ArrayList<>();
    for (Complex c : values) {
      if (Math.abs(c.getImaginary()) <= REAL_TOL * c.abs()) reals.add(new Complex(c.getReal()));
      else if (c.getImaginary() > 0) pos.add(c);
      else neg.add(c);
    }
    Comparator<Complex> order = Comparator.comparingDouble(Complex::getReal)
        .thenComparingDouble(c -> Math.abs(c.getImaginary()));
    pos.sort(order);
    neg.sort(order);
    if (pos.size() != neg.size()) throw new IllegalStateException("complex values without conjugates: " + values);
    List<Complex> out = new ArrayList<>();
    for (int i = 0; i < pos.size(); i++) {
      Complex a = pos.get(i);
      Complex b = neg.get(i).conjugate();
      out.add(new Complex((a.getReal() + b.getReal()) / 2, (a.getImaginary() + b.getImaginary()) / 2));
    }
    reals.sort(order);
    out.addAll(reals);
    return out;
  }
}
