package org.moho.io.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One or more y columns against an x column, sorted by x, as lines (with markers when there are
 * few points, so each measured value can be seen). NaN points are left out of their series.
 */
final class LineFigure {
  /** Few enough points that each gets a marker. */
  static final int MARKERS_UP_TO = 60;

  private LineFigure() {}

  static BufferedImage draw(double[] x, double[][] ys, List<String> names, int width, int height, String title,
                            String xTitle, String yTitle, boolean logY) {
    XYChart chart = ChartLook.xyChart(width, height, title, xTitle, yTitle);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setLegendVisible(names.size() > 1);
    int drawn = 0;
    for (int k = 0; k < ys.length; k++) {
      List<Double> sx = new ArrayList<>();
      List<Double> sy = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        double v = ys[k][i];
        if (Double.isNaN(x[i]) || Double.isNaN(v) || (logY && !(v > 0))) continue;
        sx.add(x[i]);
        sy.add(v);
      }
      if (sx.isEmpty()) continue;
      XYSeries s = chart.addSeries(names.get(k), sx, sy);
      s.setLineStyle(ChartLook.line(width, height, 3.0));
      s.setMarker(sx.size() <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      drawn++;
    }
    if (drawn == 0) throw new IllegalArgumentException("no point has a number in both x and y" + (logY ? " (> 0 for log_y)" : ""));
    return ChartLook.render(chart);
  }
}
