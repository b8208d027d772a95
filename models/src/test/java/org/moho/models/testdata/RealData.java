package org.moho.models.testdata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small real training sets from the bundled data (data/NOTICE.md): windows of the GeoNet
 * NZ.CRLZ.10.HHZ seismogram and patches of GMT's Pacific residual topography.
 */
public final class RealData {
  private RealData() {}

  public static Path repo() {
    return Path.of(System.getProperty("moho.repo"));
  }

  /**
   * The samples of data/seismograms/CRLZ.HHZ.10.NZ.SAC: a 632-byte little-endian SAC header
   * (NPTS is the 10th int, at byte 316) then NPTS float32 samples.
   */
  public static float[] crlzSamples() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(repo().resolve("data/seismograms/CRLZ.HHZ.10.NZ.SAC")))
        .order(ByteOrder.LITTLE_ENDIAN);
    int npts = b.getInt(316);
    float[] s = new float[npts];
    b.position(632);
    b.asFloatBuffer().get(s);
    return s;
  }

  /**
   * {@code count} consecutive windows of {@code length} samples of CRLZ, each demeaned and divided
   * by its standard deviation (the per-waveform normalisation of Valentine &amp; Trampert 2012).
   */
  public static float[][] seismogramWindows(int length, int count) throws IOException {
    float[] s = crlzSamples();
    if ((long) length * count > s.length) throw new IllegalArgumentException("CRLZ has only " + s.length + " samples");
    float[][] w = new float[count][length];
    for (int i = 0; i < count; i++) {
      double sum = 0;
      double sq = 0;
      for (int j = 0; j < length; j++) {
        double v = s[i * length + j];
        sum += v;
        sq += v * v;
      }
      double mean = sum / length;
      double std = Math.sqrt(Math.max(sq / length - mean * mean, 1e-12));
      for (int j = 0; j < length; j++) w[i][j] = (float) ((s[i * length + j] - mean) / std);
    }
    return w;
  }

  /** The grid of data/bathymetry/pac_residual_topo.asc (ESRI ASCII), rows north to south. */
  public static float[][] pacificResidualTopo() throws IOException {
    List<String> lines = Files.readAllLines(repo().resolve("data/bathymetry/pac_residual_topo.asc"));
    int ncols = Integer.parseInt(lines.get(0).trim().split("\\s+")[1]);
    int nrows = Integer.parseInt(lines.get(1).trim().split("\\s+")[1]);
    float nodata = Float.parseFloat(lines.get(5).trim().split("\\s+")[1]);
    float[][] g = new float[nrows][ncols];
    int r = 0;
    int c = 0;
    for (int k = 6; k < lines.size(); k++) {
      for (String t : lines.get(k).trim().split("\\s+")) {
        if (t.isEmpty()) continue;
        float v = Float.parseFloat(t);
        g[r][c] = v == nodata ? Float.NaN : v;
        if (++c == ncols) {
          c = 0;
          r++;
        }
      }
    }
    return g;
  }

  /** Up to {@code max} size x size patches (row-major) with no missing value, scanning by stride. */
  public static float[][] topoPatches(int size, int stride, int max) throws IOException {
    float[][] g = pacificResidualTopo();
    List<float[]> out = new ArrayList<>();
    for (int r = 0; r + size <= g.length && out.size() < max; r += stride) {
      for (int c = 0; c + size <= g[0].length && out.size() < max; c += stride) {
        float[] p = new float[size * size];
        boolean ok = true;
        for (int i = 0; i < size && ok; i++) {
          for (int j = 0; j < size; j++) {
            float v = g[r + i][c + j];
            if (Float.isNaN(v)) {
              ok = false;
              break;
            }
            p[i * size + j] = v;
          }
        }
        if (ok) out.add(p);
      }
    }
    return out.toArray(new float[0][]);
  }
}
