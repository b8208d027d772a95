package org.moho.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a grid as a colour map with Java2D (XChart's heat map draws one rectangle per cell and has
 * no colour bar, no map axes and no point overlays): an equirectangular frame whose aspect is
 * corrected by 1/cos(mid-latitude), as GMT's -JQ or matplotlib's {@code set_aspect} do, so shapes
 * look right at the map's centre; optional hill shading; degree-labelled axes; a colour bar with
 * its units; and point layers (catalogues, detections) as open markers with a legend. Values are
 * bilinearly interpolated where the raster is coarser than the screen (GMT's grdimage resamples
 * too) and shown cell by cell otherwise.
 */
final class MapFigure {
  enum Marker { CIRCLE, CROSS }

  /** Points to overlay; longitudes in any 360° frame (they are shifted into the map's). */
  record PointLayer(String label, Marker marker, double[] lons, double[] lats) {}

  /** How the figure looks. {@code lo/hi} null = from the data (2nd–98th percentile, rounded). */
  record Style(int width, int height, int dpi, String title, Palette palette, Double lo, Double hi, String colourLabel,
               boolean shade) implements java.io.Serializable {}

  /** What was drawn: the figure, the colour range used, and the points inside/outside the map per layer. */
  record Drawn(BufferedImage image, double lo, double hi, int[] pointsInside, int[] pointsOutside,
               Rectangle plotArea, Rectangle colourBar) {}

  private static final int LUT_SIZE = 4096;
  private static final Color NO_DATA = new Color(205, 205, 205);
  private static final double SHADE_AZIMUTH_DEG = 315; // light from the north-west, as relief maps use

  private MapFigure() {}

  static Drawn draw(GridMosaic.Raster raster, List<PointLayer> layers, Style style) {
    int w = style.width();
    int h = style.height();
    double s = Math.min(w / 1600.0, h / 1000.0);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);

    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(36 * s));
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(27 * s));
    Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(24 * s));
    Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(23 * s));

    double[] range = colourRange(raster, style.palette(), style.lo(), style.hi());
    double lo = range[0];
    double hi = range[1];
    double cbStep = NiceTicks.step(lo, hi, 6);

    // Legend entries (the points that will be drawn), measured before the layout is fixed.
    double west = raster.west();
    double east = raster.east();
    double south = raster.south();
    double north = raster.north();
    int[] inside = new int[layers.size()];
    int[] outside = new int[layers.size()];
    List<double[]> shifted = new ArrayList<>();
    for (int k = 0; k < layers.size(); k++) {
      PointLayer layer = layers.get(k);
      double[] lon = new double[layer.lons().length];
      for (int i = 0; i < lon.length; i++) {
        lon[i] = west + (((layer.lons()[i] - west) % 360) + 360) % 360;
        double lat = layer.lats()[i];
        if (lon[i] <= east && lat >= south && lat <= north) inside[k]++;
        else outside[k]++;
      }
      shifted.add(lon);
    }
    boolean anyNoData = false;
    for (float v : raster.values()) if (Float.isNaN(v)) { anyNoData = true; break; }
    List<String> legendText = new ArrayList<>();
    for (int k = 0; k < layers.size(); k++) legendText.add(layers.get(k).label() + " (" + inside[k] + ")");
    if (anyNoData) legendText.add("no data");
    FontMetrics lfm = g.getFontMetrics(legendFont);
    int symbol = (int) Math.round(34 * s);
    int legendW = 0;
    for (String t : legendText) legendW = Math.max(legendW, symbol + (int) (14 * s) + lfm.stringWidth(t));
    legendW += (int) (28 * s);

    FontMetrics tfm = g.getFontMetrics(tickFont);
    int cbTickW = 0;
    for (double v : NiceTicks.within(lo, hi, cbStep)) cbTickW = Math.max(cbTickW, tfm.stringWidth(NiceTicks.label(v, cbStep)));
    int barW = (int) Math.round(34 * s);
    int barBlock = (int) (44 * s) + barW + (int) (12 * s) + cbTickW + (int) (20 * s) + g.getFontMetrics(labelFont).getHeight();
    int panel = Math.max(barBlock, (int) (44 * s) + legendW);

    int top = (int) Math.round(40 * s) + g.getFontMetrics(titleFont).getHeight();
    int bottom = (int) Math.round(34 * s) + tfm.getHeight() + g.getFontMetrics(labelFont).getHeight();
    int left = (int) Math.round(46 * s) + tfm.stringWidth("55°N") + g.getFontMetrics(labelFont).getHeight();
    int right = (int) Math.round(24 * s);
    int availW = w - left - panel - right;
    int availH = h - top - bottom;
    double midLat = Math.toRadians((south + north) / 2);
    double aspect = (east - west) * Math.max(0.1, Math.cos(midLat)) / (north - south);
    int pw;
    int ph;
    if ((double) availW / availH > aspect) {
      ph = availH;
      pw = (int) Math.round(ph * aspect);
    } else {
      pw = availW;
      ph = (int) Math.round(pw / aspect);
    }
    int px = left + (availW - pw) / 2;
    int py = top + (availH - ph) / 2;

    // The colour map, one screen pixel at a time.
    float[] screen = resample(raster, pw, ph);
    float[] light = style.shade() ? shading(screen, pw, ph) : null;
    BufferedImage map = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) map.getRaster().getDataBuffer()).getData();
    int[] lut = new int[LUT_SIZE]; // 4096 levels: finer than any screen can show, and no Color per pixel
    for (int i = 0; i < LUT_SIZE; i++) lut[i] = style.palette().at(i / (LUT_SIZE - 1.0)).getRGB() & 0xffffff;
    for (int k = 0; k < pixels.length; k++) {
      float v = screen[k];
      int rgb = Float.isNaN(v) ? NO_DATA.getRGB() & 0xffffff
          : lut[(int) Math.round(Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * (LUT_SIZE - 1))];
      if (light != null && !Float.isNaN(v)) rgb = illuminate(rgb, light[k]);
      pixels[k] = rgb;
    }
    g.drawImage(map, px, py, null);

    // Points, clipped to the map.
    Shape oldClip = g.getClip();
    g.setClip(px, py, pw, ph);
    for (int k = 0; k < layers.size(); k++) {
      double[] lons = shifted.get(k);
      double[] lats = layers.get(k).lats();
      for (int i = 0; i < lons.length; i++) {
        double sx = px + (lons[i] - west) / (east - west) * pw;
        double sy = py + (north - lats[i]) / (north - south) * ph;
        drawMarker(g, layers.get(k).marker(), sx, sy, s);
      }
    }
    g.setClip(oldClip);

    // Frame and degree-labelled axes.
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2.4 * s)));
    g.drawRect(px, py, pw, ph);
    g.setFont(tickFont);
    int tick = (int) Math.round(10 * s);
    double lonStep = NiceTicks.step(west, east, Math.max(3, pw / (int) (150 * s)));
    double latStep = NiceTicks.step(south, north, Math.max(3, ph / (int) (130 * s)));
    g.setStroke(new BasicStroke((float) (1.8 * s)));
    for (double lon : NiceTicks.within(west, east, lonStep)) {
      int x = (int) Math.round(px + (lon - west) / (east - west) * pw);
      g.drawLine(x, py + ph, x, py + ph + tick);
      g.drawLine(x, py, x, py - tick);
      String t = DegreeLabels.longitude(lon, lonStep);
      g.drawString(t, x - tfm.stringWidth(t) / 2, py + ph + tick + (int) (6 * s) + tfm.getAscent());
    }
    for (double lat : NiceTicks.within(south, north, latStep)) {
      int y = (int) Math.round(py + (north - lat) / (north - south) * ph);
      g.drawLine(px - tick, y, px, y);
      g.drawLine(px + pw, y, px + pw + tick, y);
      String t = DegreeLabels.latitude(lat, latStep);
      g.drawString(t, px - tick - (int) (8 * s) - tfm.stringWidth(t), y + tfm.getAscent() / 2 - (int) (2 * s));
    }
    g.setFont(labelFont);
    FontMetrics afm = g.getFontMetrics();
    String lonTitle = "Longitude";
    g.drawString(lonTitle, px + pw / 2 - afm.stringWidth(lonTitle) / 2,
        py + ph + tick + (int) (6 * s) + tfm.getHeight() + (int) (8 * s) + afm.getAscent());
    int latTitleX = px - tick - (int) (8 * s) - tfm.stringWidth("55°N") - (int) (16 * s);
    drawRotated(g, "Latitude", latTitleX, py + ph / 2);

    g.setFont(titleFont);
    String title = style.title() != null ? style.title() : raster.source();
    FontMetrics ttm = g.getFontMetrics();
    // Right above the frame (not at the figure's top), so a wide map keeps its title close.
    int titleBaseline = py - tick - (int) (18 * s) - ttm.getDescent();
    g.drawString(title, Math.max(4, px + pw / 2 - ttm.stringWidth(title) / 2), titleBaseline);

    // Colour bar with GMT-style triangles where the data run past the range.
    int bx = px + pw + (int) (44 * s);
    int tri = barW;
    int by = py + tri;
    int bh = (int) Math.round((layers.isEmpty() && !anyNoData ? 0.86 : 0.58) * ph) - 2 * tri;
    for (int y = 0; y < bh; y++) {
      g.setColor(style.palette().at(1 - (y + 0.5) / bh));
      g.fillRect(bx, by + y, barW, 1);
    }
    float[] minMax = minMax(raster.values());
    g.setStroke(new BasicStroke((float) (1.6 * s)));
    if (minMax[1] > hi) triangle(g, style.palette().at(1), bx, by, barW, -tri);
    if (minMax[0] < lo) triangle(g, style.palette().at(0), bx, by + bh, barW, tri);
    g.setColor(Color.BLACK);
    g.drawRect(bx, by, barW, bh);
    g.setFont(tickFont);
    int labelRight = 0;
    for (double v : NiceTicks.within(lo, hi, cbStep)) {
      int y = (int) Math.round(by + (hi - v) / (hi - lo) * bh);
      g.drawLine(bx + barW, y, bx + barW + (int) (8 * s), y);
      String t = NiceTicks.label(v, cbStep);
      int tx = bx + barW + (int) (12 * s);
      g.drawString(t, tx, y + tfm.getAscent() / 2 - (int) (2 * s));
      labelRight = Math.max(labelRight, tx + tfm.stringWidth(t));
    }
    g.setFont(labelFont);
    String units = raster.units() == null || raster.units().isBlank() ? "" : " (" + raster.units() + ")";
    String colourTitle = (style.colourLabel() != null ? style.colourLabel() : "Value") + units;
    drawRotatedDown(g, colourTitle, labelRight + (int) (14 * s), by + bh / 2);
    Rectangle barRect = new Rectangle(bx, by, barW, bh);

    // Legend under the colour bar, its bottom on the map's bottom.
    if (!legendText.isEmpty()) {
      int rowH = Math.max(symbol, lfm.getHeight()) + (int) (8 * s);
      int lh = rowH * legendText.size() + (int) (16 * s);
      int lx = bx;
      int ly = py + ph - lh;
      g.setColor(Color.WHITE);
      g.fillRect(lx, ly, legendW, lh);
      g.setColor(new Color(120, 120, 120));
      g.setStroke(new BasicStroke((float) (1.4 * s)));
      g.drawRect(lx, ly, legendW, lh);
      g.setFont(legendFont);
      for (int k = 0; k < legendText.size(); k++) {
        int cy = ly + (int) (8 * s) + rowH * k + rowH / 2;
        int cx = lx + (int) (14 * s) + symbol / 2;
        if (k < layers.size()) {
          drawMarker(g, layers.get(k).marker(), cx, cy, s);
        } else {
          g.setColor(NO_DATA);
          g.fillRect(cx - symbol / 2, cy - symbol / 3, symbol, 2 * symbol / 3);
          g.setColor(Color.GRAY);
          g.drawRect(cx - symbol / 2, cy - symbol / 3, symbol, 2 * symbol / 3);
        }
        g.setColor(Color.BLACK);
        g.drawString(legendText.get(k), cx + symbol / 2 + (int) (14 * s), cy + lfm.getAscent() / 2 - (int) (3 * s));
      }
    }
    g.dispose();
    return new Drawn(img, lo, hi, inside, outside, new Rectangle(px, py, pw, ph), barRect);
  }

  /** The colour range: as given, else the 2nd–98th percentile (symmetric for a diverging palette), rounded to ticks. */
  static double[] colourRange(GridMosaic.Raster raster, Palette palette, Double lo, Double hi) {
    if (lo != null && hi != null) return new double[] {lo, hi};
    float[] v = Arrays.copyOf(raster.values(), raster.values().length);
    int n = 0;
    for (float x : v) if (!Float.isNaN(x)) v[n++] = x;
    if (n == 0) return new double[] {lo != null ? lo : 0, hi != null ? hi : 1};
    Arrays.sort(v, 0, n);
    double a = v[(int) Math.floor(0.02 * (n - 1))];
    double b = v[(int) Math.ceil(0.98 * (n - 1))];
    if (palette.diverging()) {
      double m = Math.max(Math.abs(a), Math.abs(b));
      a = -m;
      b = m;
    }
    if (!(b > a)) {
      a -= 0.5;
      b += 0.5;
    }
    double step = NiceTicks.step(a, b, 6);
    a = Math.floor(a / step) * step;
    b = Math.ceil(b / step) * step;
    return new double[] {lo != null ? lo : a, hi != null ? hi : b};
  }

  /**
   * Values at screen pixels: the mean of the raster cells inside each pixel when the raster is
   * finer than the screen (a box filter, as GridMosaic decimates), else bilinear between cell
   * centres (nearest next to a NaN).
   */
  static float[] resample(GridMosaic.Raster r, int pw, int ph) {
    float[] out = new float[pw * ph];
    if (r.cols() >= pw && r.rows() >= ph) {
      double[] sum = new double[pw * ph];
      int[] count = new int[pw * ph];
      for (int row = 0; row < r.rows(); row++) {
        int y = ph - 1 - (int) ((long) row * ph / r.rows()); // raster row 0 is south, screen row 0 north
        for (int col = 0; col < r.cols(); col++) {
          float v = r.at(col, row);
          if (Float.isNaN(v)) continue;
          int k = y * pw + (int) ((long) col * pw / r.cols());
          sum[k] += v;
          count[k]++;
        }
      }
      for (int k = 0; k < out.length; k++) out[k] = count[k] == 0 ? Float.NaN : (float) (sum[k] / count[k]);
      return out;
    }
    double cw = (r.east() - r.west()) / r.cols();
    double chh = (r.north() - r.south()) / r.rows();
    boolean upsampled = pw > r.cols() || ph > r.rows();
    for (int y = 0; y < ph; y++) {
      double lat = r.north() - (y + 0.5) / ph * (r.north() - r.south());
      double fy = (lat - r.south()) / chh - 0.5; // in cell-centre units
      for (int x = 0; x < pw; x++) {
        double lon = r.west() + (x + 0.5) / pw * (r.east() - r.west());
        double fx = (lon - r.west()) / cw - 0.5;
        int nc = clamp((int) Math.floor(fx + 0.5), r.cols());
        int nr = clamp((int) Math.floor(fy + 0.5), r.rows());
        float v = r.at(nc, nr);
        if (upsampled) {
          int c0 = clamp((int) Math.floor(fx), r.cols());
          int r0 = clamp((int) Math.floor(fy), r.rows());
          int c1 = Math.min(c0 + 1, r.cols() - 1);
          int r1 = Math.min(r0 + 1, r.rows() - 1);
          double tx = Math.max(0, Math.min(1, fx - c0));
          double ty = Math.max(0, Math.min(1, fy - r0));
          float a = r.at(c0, r0);
          float b = r.at(c1, r0);
          float c = r.at(c0, r1);
          float d = r.at(c1, r1);
          if (!Float.isNaN(a) && !Float.isNaN(b) && !Float.isNaN(c) && !Float.isNaN(d)) {
            v = (float) ((a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty);
          }
        }
        out[y * pw + x] = v;
      }
    }
    return out;
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }

  /**
   * Relief shading in -0.6..0.6 from the slope towards the light, normalised like GMT's
   * {@code grdgradient -Nt0.6}: a Cauchy (arctan) squashing of the slope over its spread, so the
   * result does not depend on the data's units.
   */
  private static float[] shading(float[] v, int pw, int ph) {
    double az = Math.toRadians(SHADE_AZIMUTH_DEG);
    double lx = Math.sin(az);
    double ly = Math.cos(az); // screen y grows south, so north is -y
    float[] d = new float[v.length];
    double sum2 = 0;
    int n = 0;
    for (int y = 0; y < ph; y++) {
      for (int x = 0; x < pw; x++) {
        float l = v[y * pw + Math.max(0, x - 1)];
        float r = v[y * pw + Math.min(pw - 1, x + 1)];
        float u = v[Math.max(0, y - 1) * pw + x];
        float b = v[Math.min(ph - 1, y + 1) * pw + x];
        double gx = (r - l) / 2.0;
        double gNorth = (u - b) / 2.0;
        double dd = gx * lx + gNorth * ly;
        if (Double.isNaN(dd)) dd = 0;
        d[y * pw + x] = (float) dd;
        sum2 += dd * dd;
        n++;
      }
    }
    double sigma = Math.sqrt(sum2 / Math.max(1, n));
    if (!(sigma > 0)) sigma = 1;
    for (int i = 0; i < d.length; i++) d[i] = (float) (0.6 * (2 / Math.PI) * Math.atan(d[i] / sigma));
    return d;
  }

  private static int illuminate(int rgb, float i) {
    int r = (rgb >> 16) & 0xff;
    int gg = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    if (i > 0) {
      double f = 0.3 * i;
      r += (int) ((255 - r) * f);
      gg += (int) ((255 - gg) * f);
      b += (int) ((255 - b) * f);
    } else {
      double f = 1 + 0.35 * i;
      r = (int) (r * f);
      gg = (int) (gg * f);
      b = (int) (b * f);
    }
    return (r << 16) | (gg << 8) | b;
  }

  private static void drawMarker(Graphics2D g, Marker marker, double x, double y, double s) {
    Shape shape;
    if (marker == Marker.CIRCLE) {
      double rad = 6.5 * s;
      shape = new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad);
    } else {
      double a = 7.5 * s;
      Path2D.Double p = new Path2D.Double();
      p.moveTo(x - a, y - a);
      p.lineTo(x + a, y + a);
      p.moveTo(x - a, y + a);
      p.lineTo(x + a, y - a);
      shape = p;
    }
    // A white halo under a black stroke reads on every colour of the palette.
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) (4.2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
    g.setColor(marker == Marker.CIRCLE ? Color.BLACK : new Color(200, 0, 120));
    g.setStroke(new BasicStroke((float) (2.0 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
  }

  private static void triangle(Graphics2D g, Color fill, int x, int y, int w, int height) {
    Polygon p = new Polygon(new int[] {x, x + w, x + w / 2}, new int[] {y, y, y + height}, 3);
    g.setColor(fill);
    g.fillPolygon(p);
    g.setColor(Color.BLACK);
    g.drawPolygon(p);
  }

  private static float[] minMax(float[] v) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      if (Float.isNaN(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return new float[] {lo, hi};
  }

  /** Text reading bottom to top, centred on (x .. x+height, cy): a y-axis title. */
  private static void drawRotated(Graphics2D g, String text, int x, int cy) {
    FontMetrics fm = g.getFontMetrics();
    AffineTransform old = g.getTransform();
    g.translate(x, cy);
    g.rotate(-Math.PI / 2);
    g.drawString(text, -fm.stringWidth(text) / 2, 0);
    g.setTransform(old);
  }

  /** Text reading top to bottom, its top edge on x: a colour bar title to the right of the bar. */
  private static void drawRotatedDown(Graphics2D g, String text, int x, int cy) {
    FontMetrics fm = g.getFontMetrics();
    AffineTransform old = g.getTransform();
    g.translate(x, cy);
    g.rotate(Math.PI / 2);
    g.drawString(text, -fm.stringWidth(text) / 2, -fm.getDescent());
    g.setTransform(old);
  }
}
