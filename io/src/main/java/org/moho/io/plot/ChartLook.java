package org.moho.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The look Moho's XChart figures share, sized for a printed figure rather than a screen: fonts
 * and strokes scale with the image (XChart's defaults are for about 600 px), a white background,
 * a framed plot with light grid lines, and a colour-blind-safe series palette (Okabe–Ito).
 */
final class ChartLook {
  /** Okabe & Ito (2008) colours, distinguishable with the common colour-vision deficiencies. */
  static final Color[] SERIES = {
      new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
      new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};

  private ChartLook() {}

  static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title == null ? "" : title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    XYStyler st = chart.getStyler();
    double s = scale(width, height);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(34 * s)));
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(28 * s)));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(24 * s)));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(24 * s)));
    st.setChartTitleVisible(title != null && !title.isBlank());
    st.setChartTitleBoxVisible(false);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderVisible(true);
    st.setPlotBorderColor(Color.BLACK);
    st.setPlotGridLinesColor(new Color(222, 222, 222));
    st.setPlotGridLinesStroke(new BasicStroke((float) (1.2 * s)));
    st.setAxisTickMarkLength((int) Math.round(8 * s));
    st.setAxisTickMarksStroke(new BasicStroke((float) (1.6 * s)));
    st.setAxisTickMarksColor(Color.BLACK);
    st.setAxisTickPadding((int) Math.round(8 * s));
    st.setAxisTitlePadding((int) Math.round(14 * s));
    st.setChartPadding((int) Math.round(24 * s));
    st.setChartTitlePadding((int) Math.round(18 * s));
    st.setPlotMargin(0);
    st.setPlotContentSize(0.96);
    st.setLegendBorderColor(new Color(150, 150, 150));
    st.setLegendPadding((int) Math.round(12 * s));
    st.setLegendSeriesLineLength((int) Math.round(40 * s));
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setSeriesColors(SERIES);
    st.setMarkerSize((int) Math.round(12 * s));
    st.setXAxisTickMarkSpacingHint((int) Math.round(160 * s));
    st.setYAxisTickMarkSpacingHint((int) Math.round(110 * s));
    st.setAntiAlias(true);
    st.setTextAntiAlias(true);
    return chart;
  }

  static double scale(int width, int height) {
    return Math.min(width / 1600.0, height / 1000.0);
  }

  static BasicStroke line(int width, int height, double px) {
    return new BasicStroke((float) (px * scale(width, height)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static BufferedImage render(XYChart chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }
}
