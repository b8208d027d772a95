package org.moho.io.plot;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.moho.core.data.Waveform;

/**
 * A seismogram against UTC time, titled with its SEED id. A trace longer than the plot is wide is
 * reduced to the minimum and maximum of each pixel column's samples, in time order (the envelope a
 * seismologist expects), so spikes survive at any zoom and the series stays small.
 */
final class WaveformFigure {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private WaveformFigure() {}

  static BufferedImage draw(Waveform w, int width, int height, String units) {
    String title = w.id() + "   " + WHEN.format(w.start()) + " UTC, " + rate(w.sampleRate()) + " Hz";
    String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(w.start());
    String endDay = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(w.end());
    String xTitle = "Time (UTC) on " + day + (endDay.equals(day) ? "" : " to " + endDay);
    XYChart chart = ChartLook.xyChart(width, height, title, xTitle, "Amplitude (" + units + ")");
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
    chart.getStyler().setDatePattern(pattern(w));
    chart.getStyler().setYAxisDecimalPattern(yPattern(w.samples()));
    chart.getStyler().setPlotGridVerticalLinesVisible(true);
    int columns = Math.max(100, width - 200);
    List<Date> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    envelope(w, columns, t, y);
    XYSeries s = chart.addSeries(w.id(), t, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(ChartLook.SERIES[0]);
    s.setLineStyle(ChartLook.line(width, height, 1.6));
    return ChartLook.render(chart);
  }

  /** Every sample when they fit, else per column the min then max (or max then min, in time order). */
  static void envelope(Waveform w, int columns, List<Date> t, List<Double> y) {
    double[] v = w.samples();
    int n = v.length;
    if (n <= 2L * columns) {
      for (int i = 0; i < n; i++) {
        t.add(date(w.timeOf(i)));
        y.add(v[i]);
      }
      return;
    }
    for (int c = 0; c < columns; c++) {
      int a = (int) ((long) c * n / columns);
      int b = (int) ((long) (c + 1) * n / columns);
      int lo = a;
      int hi = a;
      for (int i = a; i < b; i++) {
        if (v[i] < v[lo]) lo = i;
        if (v[i] > v[hi]) hi = i;
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      t.add(date(w.timeOf(first)));
      y.add(v[first]);
      if (second != first) {
        t.add(date(w.timeOf(second)));
        y.add(v[second]);
      }
    }
  }

  private static Date date(Instant i) {
    return Date.from(i);
  }

  private static String pattern(Waveform w) {
    double seconds = w.length() / w.sampleRate();
    if (seconds > 2 * 86400) return "MM-dd HH:mm";
    if (seconds > 600) return "HH:mm";
    if (seconds > 20) return "HH:mm:ss";
    return "HH:mm:ss.SSS";
  }

  private static String yPattern(double[] v) {
    double max = 0;
    for (double x : v) max = Math.max(max, Math.abs(x));
    return max >= 1e6 || (max > 0 && max < 1e-2) ? "0.0E0" : max >= 100 ? "#,##0" : "0.###";
  }

  private static String rate(double hz) {
    return hz == Math.rint(hz) ? Long.toString((long) hz) : String.format(java.util.Locale.ROOT, "%.3f", hz);
  }
}
