package org.moho.io.grid;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.moho.core.data.Registration;

/**
 * An ESRI ASCII grid: a header ({@code ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter,
 * cellsize} or {@code dx, dy}, optional {@code NODATA_value}) and then {@code nrows} rows of
 * values from north to south. {@code xllcenter} means the lower-left value sits on the corner
 * node (gridline registration); {@code xllcorner} means values are cell centres (pixel).
 *
 * <p>Opening scans the file once and remembers where each row starts (one {@code long} per row),
 * so reading a band seeks straight to it; rows may wrap over several lines.
 */
final class EsriAsciiGridFile implements GridFile {
  private final FileChannel channel;
  private final GridHeader header;
  private final double nodata;
  private final long[] rowStart; // byte offset of file row r (north→south)

  private EsriAsciiGridFile(Path path, FileChannel channel) throws IOException {
    this.channel = channel;
    TextTokens t = new TextTokens(channel, 0);
    Map<String, Double> h = new HashMap<>();
    boolean corner = false;
    boolean center = false;
    String token = t.next();
    while (token != null && Character.isLetter(token.charAt(0)) && !token.equalsIgnoreCase("nan")) {
      String key = token.toLowerCase(Locale.ROOT);
      String value = t.next();
      if (value == null) throw new IOException("ESRI header ends after '" + token + "'");
      try {
        h.put(key, Double.parseDouble(value));
      } catch (NumberFormatException e) {
        throw new IOException("ESRI header '" + token + "' has value '" + value + "', not a number");
      }
      corner |= key.equals("xllcorner");
      center |= key.equals("xllcenter");
      token = t.next();
    }
    double cols = require(h, "ncols");
    double rows = require(h, "nrows");
    if (!(cols >= 1 && rows >= 1 && cols <= Integer.MAX_VALUE && rows <= Integer.MAX_VALUE) || cols != Math.rint(cols) || rows != Math.rint(rows)) {
      throw new IOException("ESRI header ncols " + cols + " and nrows " + rows + " must be whole numbers from 1 to " + Integer.MAX_VALUE);
    }
    int nx = (int) cols;
    int ny = (int) rows;
    // each value takes at least two bytes (a digit and a separator): a header announcing more
    // than the file can hold is refused before the row index is allocated (EsriGridFuzzTest found
    // nrows 833333333333 exhausting the heap)
    if ((long) nx * ny > channel.size() / 2 + 1) {
      throw new IOException("ESRI header announces " + nx + " x " + ny + " values; the file's " + channel.size()
          + " bytes cannot hold them");
    }
    double dx = h.containsKey("cellsize") ? h.get("cellsize") : require(h, "dx");
    double dy = h.containsKey("cellsize") ? h.get("cellsize") : require(h, "dy");
    if (corner == center) throw new IOException("ESRI header needs exactly one of xllcorner and xllcenter");
    double x0 = corner ? require(h, "xllcorner") + dx / 2 : require(h, "xllcenter");
    double y0 = corner ? require(h, "yllcorner") + dy / 2 : require(h, "yllcenter");
    this.nodata = h.getOrDefault("nodata_value", Double.NaN);
    this.header = new GridHeader(path.toString(), nx, ny, x0, y0, dx, dy, corner ? Registration.PIXEL : Registration.GRIDLINE, "");
    this.rowStart = new long[ny];
    long count = 0;
    long total = (long) nx * ny;
    while (token != null) {
      if (count % nx == 0 && count < total) rowStart[(int) (count / nx)] = t.tokenStart();
      count++;
      token = t.next();
    }
    if (count != total) {
      throw new IOException("ESRI grid of " + nx + " x " + ny + " should hold " + total + " values but has " + count + (count < total ? " (truncated?)" : ""));
    }
  }

  private static double require(Map<String, Double> h, String key) throws IOException {
    Double v = h.get(key);
    if (v == null) throw new IOException("ESRI header has no '" + key + "'");
    return v;
  }

  static EsriAsciiGridFile open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new EsriAsciiGridFile(path, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public GridHeader header() {
    return header;
  }

  @Override
  public synchronized float[] readRows(int row0, int rows, double factor) throws IOException {
    GridFile.checkBand(header, row0, rows);
    int nx = header.nx();
    float[] out = new float[rows * nx];
    if (rows == 0) return out;
    // South→north row r is file row ny-1-r; the band's northernmost row comes first in the file.
    int firstFileRow = header.ny() - row0 - rows;
    TextTokens t = new TextTokens(channel, rowStart[firstFileRow]);
    for (int fr = 0; fr < rows; fr++) {
      int dst = (rows - 1 - fr) * nx;
      for (int i = 0; i < nx; i++) {
        String token = t.next();
        if (token == null) throw new IOException("ESRI grid ends inside row " + (firstFileRow + fr));
        double v = TextTokens.parseDouble(token);
        out[dst + i] = v == nodata ? Float.NaN : (float) (v * factor);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
