package org.moho.pipelines.grid;

/**
 * The Gaussian of {@code gmt grdfilter -Fg<width>}: {@code width} is the full diameter of the
 * filter circle and equals 6 sigma, so {@code w(r) = exp(-r^2 / (2 sigma^2)) = exp(-18 r^2 / width^2)}
 * for {@code r <= width/2} (3 sigma) and 0 beyond. Checked against GMT 6.4 in GridFilterTest.
 */
public record GaussianKernel(double width) implements RadialKernel {
  public GaussianKernel {
    if (!(width > 0)) throw new IllegalArgumentException("width must be > 0, got " + width);
  }

  @Override
  public double weight(double r) {
    return r > width / 2 ? 0 : Math.exp(-18.0 * r * r / (width * width));
  }

  @Override
  public double radius() {
    return width / 2;
  }
}
