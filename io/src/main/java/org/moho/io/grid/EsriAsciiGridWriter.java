package org.moho.io.grid;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.moho.core.data.Registration;

/**
 * Writes a grid as ESRI ASCII: {@code xllcenter/yllcenter} for gridline registration,
 * {@code xllcorner/yllcorner} for pixel, NaN as {@code NODATA_value -99999}, rows north→south.
 * Values are written as the shortest decimal that reads back as the same float, so a grid
 * written and read again is identical. ESRI cells are square: a grid with dx ≠ dy is refused.
 * Reads the source {@code bandRows} rows at a time, north band first.
 */
public final class EsriAsciiGridWriter {
  public static final String NODATA = "-99999";

  private EsriAsciiGridWriter() {}

  public static void write(GridFile source, OutputStream sink, int bandRows) throws IOException {
    GridHeader h = source.header();
    if (Math.abs(h.dx() - h.dy()) > 1e-9 * h.dx()) {
      throw new IOException("ESRI ASCII needs square cells; this grid has dx " + h.dx() + " and dy " + h.dy());
    }
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.US_ASCII), 1 << 16);
    boolean pixel = h.registration() == Registration.PIXEL;
    w.write("ncols " + h.nx() + "\n");
    w.write("nrows " + h.ny() + "\n");
    w.write((pixel ? "xllcorner " : "xllcenter ") + (pixel ? h.west() : h.x0()) + "\n");
    w.write((pixel ? "yllcorner " : "yllcenter ") + (pixel ? h.south() : h.y0()) + "\n");
    w.write("cellsize " + h.dx() + "\n");
    w.write("NODATA_value " + NODATA + "\n");
    int nx = h.nx();
    for (int top = h.ny(); top > 0; top -= bandRows) {
      int r0 = Math.max(0, top - bandRows);
      float[] band = source.readRows(r0, top - r0);
      for (int r = top - r0 - 1; r >= 0; r--) {
        for (int i = 0; i < nx; i++) {
          if (i > 0) w.write(' ');
          w.write(format(band[r * nx + i]));
        }
        w.write('\n');
      }
    }
    w.flush();
  }

  static String format(float v) {
    if (Float.isNaN(v)) return NODATA;
    if (v == 0) return Float.floatToRawIntBits(v) == 0 ? "0" : "-0";
    if (v == Math.rint(v) && Math.abs(v) < 1e7) return Long.toString((long) v);
    return Float.toString(v);
  }
}
