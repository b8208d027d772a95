package org.moho.models.glass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.moho.models.mlp.EnsembleTrainer;

/** The loss curves of a training (mean over members, training and validation) as a PNG. */
public final class LossCurvePlot {
  private LossCurvePlot() {}

  public static void write(List<EnsembleTrainer.Epoch> epochs, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch")
        .yAxisTitle("loss (mean squared error, log10 Pa·s)²").build();
    chart.getStyler().setYAxisLogarithmic(true);
    double[] x = epochs.stream().mapToDouble(EnsembleTrainer.Epoch::epoch).toArray();
    chart.addSeries("training", x, epochs.stream().mapToDouble(EnsembleTrainer.Epoch::trainLoss).toArray())
        .setMarker(SeriesMarkers.NONE);
    chart.addSeries("validation", x, epochs.stream().mapToDouble(EnsembleTrainer.Epoch::validationLoss).toArray())
        .setMarker(SeriesMarkers.NONE);
    String name = png.getFileName().toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, png.resolveSibling(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
