package org.moho.io.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram as a filled step outline on a numeric axis (XChart's category bars would label
 * every bin). Bins are equal-width over {@code lo..hi}; the last bin includes {@code hi}.
 */
final class HistogramFigure {
  /** Counts per bin, and how many values fell outside the range. */
  record Bins(double lo, double hi, long[] counts, long outside) {
    double width() {
      return (hi - lo) / counts.length;
    }
  }

  private HistogramFigure() {}

  /**
   * Counts per bin. With a given range: exactly {@code bins} bins over it. Without: about
   * {@code bins} bins of a round width (1, 2 or 5 times a power of ten) with edges on multiples of
   * it, covering the data, so that bin edges and axis ticks are numbers a reader can use.
   */
  static Bins bin(double[] values, int bins, Double lo, Double hi) {
    double a = lo != null ? lo : Double.POSITIVE_INFINITY;
    double b = hi != null ? hi : Double.NEGATIVE_INFINITY;
    if (lo == null || hi == null) {
      for (double v : values) {
        if (lo == null) a = Math.min(a, v);
        if (hi == null) b = Math.max(b, v);
      }
    }
    if (!(b > a)) { // one distinct value (or none): a bin of width 1 around it
      double c = Double.isFinite(a) ? a : 0;
      a = c - 0.5;
      b = c + 0.5;
    }
    if (lo == null && hi == null) {
      double w = NiceTicks.step(a, b, bins);
      a = Math.floor(a / w) * w;
      double top = Math.ceil(b / w) * w;
      bins = (int) Math.max(1, Math.round((top - a) / w));
      if (a + bins * w < b) bins++;
      b = a + bins * w;
    }
    long[] counts = new long[bins];
    long outside = 0;
    for (double v : values) {
      if (v < a || v > b) {
        outside++;
        continue;
      }
      int k = (int) Math.min(bins - 1, Math.floor((v - a) / (b - a) * bins));
      counts[k]++;
    }
    return new Bins(a, b, counts, outside);
  }

  static BufferedImage draw(Bins bins, long n, int width, int height, String title, String xTitle, boolean logY) {
    String per = NiceTicks.label(bins.width(), bins.width()).replace('\u2212', '-');
    XYChart chart = ChartLook.xyChart(width, height, title, xTitle, "Count (bin width " + per + ", n = " + n + ")");
    chart.getStyler().setLegendVisible(false);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    double floor = logY ? 0.5 : 0; // a log axis has no zero: empty bins sit on the floor
    x.add(bins.lo());
    y.add(floor);
    for (int k = 0; k < bins.counts().length; k++) {
      double c = Math.max(floor, bins.counts()[k]);
      x.add(bins.lo() + k * bins.width());
      y.add(c);
      x.add(bins.lo() + (k + 1) * bins.width());
      y.add(c);
    }
    x.add(bins.hi());
    y.add(floor);
    XYSeries s = chart.addSeries("counts", x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(ChartLook.SERIES[0].darker());
    s.setFillColor(new java.awt.Color(0, 114, 178, 150));
    s.setLineStyle(ChartLook.line(width, height, 2.2));
    chart.getStyler().setYAxisLogarithmic(logY);
    if (!logY) chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMin(bins.lo());
    chart.getStyler().setXAxisMax(bins.hi());
    return ChartLook.render(chart);
  }
}
