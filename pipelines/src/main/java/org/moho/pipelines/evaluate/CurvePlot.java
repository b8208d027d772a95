package org.moho.pipelines.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.moho.core.files.AtomicFiles;

/** A PNG line chart of one or more curves on [0,1] x [0,1] axes (XChart), written atomically. */
final class CurvePlot {
  private CurvePlot() {}

  /** Series name → {x, y}. */
  static void write(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setMarkerSize(4);
    for (Map.Entry<String, double[][]> s : new LinkedHashMap<>(series).entrySet()) {
      double[] x = s.getValue()[0];
      double[] y = s.getValue()[1];
      if (x.length == 0) continue;
      chart.addSeries(s.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
    }
    byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(png, out -> out.write(bytes));
  }
}
