package org.moho.pipelines.autoencoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Patch;

/**
 * Records cut from the bundled real data (data/NOTICE.md): normalised windows of the GeoNet
 * NZ.CRLZ.10.HHZ seismogram (SAC: 632-byte little-endian header, NPTS at byte 316, then float32
 * samples) and 8 x 8 patches of GMT's Pacific residual topography (ESRI ASCII).
 */
final class RealRecords {
  private RealRecords() {}

  static Path repo() {
    return Path.of(System.getProperty("moho.repo"));
  }

  /** {@code count} consecutive windows of {@code length} samples, each demeaned and divided by its std. */
  static List<FeatureVector> windows(int length, int count) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(repo().resolve("data/seismograms/CRLZ.HHZ.10.NZ.SAC")))
        .order(ByteOrder.LITTLE_ENDIAN);
    float[] s = new float[b.getInt(316)];
    b.position(632);
    b.asFloatBuffer().get(s);
    List<FeatureVector> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double sum = 0;
      double sq = 0;
      for (int j = 0; j < length; j++) {
        sum += s[i * length + j];
        sq += (double) s[i * length + j] * s[i * length + j];
      }
      double mean = sum / length;
      double std = Math.sqrt(Math.max(sq / length - mean * mean, 1e-12));
      float[] w = new float[length];
      for (int j = 0; j < length; j++) w[j] = (float) ((s[i * length + j] - mean) / std);
      out.add(new FeatureVector(String.format("CRLZ:%06d", i * length), w, Map.of("station", "CRLZ")));
    }
    return out;
  }

  /** Up to {@code max} complete size x size patches (no NODATA), row-major from the south-west corner. */
  static List<Patch> topoPatches(int size, int stride, int max) throws IOException {
    List<String> lines = Files.readAllLines(repo().resolve("data/bathymetry/pac_residual_topo.asc"));
    int ncols = Integer.parseInt(lines.get(0).trim().split("\\s+")[1]);
    int nrows = Integer.parseInt(lines.get(1).trim().split("\\s+")[1]);
    double x0 = Double.parseDouble(lines.get(2).trim().split("\\s+")[1]);
    double y0 = Double.parseDouble(lines.get(3).trim().split("\\s+")[1]);
    double cell = Double.parseDouble(lines.get(4).trim().split("\\s+")[1]);
    float nodata = Float.parseFloat(lines.get(5).trim().split("\\s+")[1]);
    float[][] g = new float[nrows][ncols]; // g[0] = northernmost row
    int k = 0;
    for (int l = 6; l < lines.size(); l++) {
      for (String t : lines.get(l).trim().split("\\s+")) {
        if (t.isEmpty()) continue;
        float v = Float.parseFloat(t);
        g[k / ncols][k % ncols] = v == nodata ? Float.NaN : v;
        k++;
      }
    }
    List<Patch> out = new ArrayList<>();
    for (int r = nrows - size; r >= 0 && out.size() < max; r -= stride) { // south to north
      for (int c = 0; c + size <= ncols && out.size() < max; c += stride) {
        float[] p = new float[size * size];
        boolean ok = true;
        for (int i = 0; i < size && ok; i++) { // i = row from the south
          for (int j = 0; j < size && ok; j++) {
            float v = g[r + size - 1 - i][c + j];
            ok = !Float.isNaN(v);
            p[i * size + j] = v;
          }
        }
        if (!ok) continue;
        double lon = x0 + (c + size / 2.0) * cell;
        double lat = y0 + (nrows - r - size / 2.0) * cell;
        out.add(new Patch(String.format("pac[%d,%d]", c, nrows - r - size), lon, lat, size, p, Map.of("units", "m")));
      }
    }
    return out;
  }
}
