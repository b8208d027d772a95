package org.moho.models.glass;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One melt's predicted viscosity against 10^4/T with its calibrated ±2σ band, and the measured
 * points when there are any, as a PNG.
 */
public final class ViscosityCurvePlot {
  private ViscosityCurvePlot() {}

  /** Temperatures of the curve: {@code steps} values evenly spaced in 1/T over [fromK, toK]. */
  public static double[] temperatures(double fromK, double toK, int steps) {
    double[] t = new double[steps];
    for (int i = 0; i < steps; i++) t[i] = 1 / (1 / toK + (1 / fromK - 1 / toK) * i / (steps - 1));
    return t;
  }

  public static void write(String title, double[] tempK, GlassModel.Prediction[] p, double[] measuredT,
      double[] measuredViscosity, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle("10^4 / T (K^-1)")
        .yAxisTitle("log10 viscosity (Pa·s)").build();
    double[] x = new double[tempK.length], y = new double[tempK.length], lo = new double[tempK.length],
        hi = new double[tempK.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e4 / tempK[i];
      y[i] = p[i].log10Viscosity();
      lo[i] = y[i] - 2 * p[i].sigma();
      hi[i] = y[i] + 2 * p[i].sigma();
    }
    XYSeries band = chart.addSeries("±2σ", x, y, null);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
    chart.addSeries("−2σ", x, lo).setMarker(SeriesMarkers.NONE).setLineColor(new Color(120, 160, 220));
    chart.addSeries("+2σ", x, hi).setMarker(SeriesMarkers.NONE).setLineColor(new Color(120, 160, 220));
    chart.removeSeries("±2σ");
    chart.addSeries("predicted", x, y).setMarker(SeriesMarkers.NONE).setLineColor(new Color(20, 60, 160));
    if (measuredT != null && measuredT.length > 0) {
      double[] mx = new double[measuredT.length];
      for (int i = 0; i < mx.length; i++) mx[i] = 1e4 / measuredT[i];
      XYSeries m = chart.addSeries("measured", mx, measuredViscosity);
      m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      m.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(200, 40, 40));
    }
    String name = png.getFileName().toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, png.resolveSibling(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
