package org.moho.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.moho.core.files.AtomicFiles;
import org.moho.models.autoencoder.EpochMetrics;

/** The training and validation loss per epoch as a PNG (log scale), written atomically. */
public final class LossCurve {
  private LossCurve() {}

  public static void write(List<EpochMetrics> metrics, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true"); // workers and CI have no display
    XYChart chart = new XYChartBuilder().width(800).height(500).title("Autoencoder loss")
        .xAxisTitle("epoch").yAxisTitle("MSE (scaled units)").build();
    chart.getStyler().setYAxisLogarithmic(allPositive(metrics));
    double[] epochs = metrics.stream().mapToDouble(m -> m.epoch() + 1).toArray();
    chart.addSeries("training", epochs, metrics.stream().mapToDouble(EpochMetrics::trainLoss).toArray())
        .setMarker(SeriesMarkers.NONE);
    if (metrics.stream().noneMatch(m -> Double.isNaN(m.validationLoss()))) {
      chart.addSeries("validation", epochs, metrics.stream().mapToDouble(EpochMetrics::validationLoss).toArray())
          .setMarker(SeriesMarkers.NONE);
    }
    byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(png, out -> out.write(bytes));
  }

  private static boolean allPositive(List<EpochMetrics> metrics) {
    return metrics.stream().allMatch(m -> m.trainLoss() > 0 && (Double.isNaN(m.validationLoss()) || m.validationLoss() > 0));
  }
}
