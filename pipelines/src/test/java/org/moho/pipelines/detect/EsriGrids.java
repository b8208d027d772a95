package org.moho.pipelines.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;

/**
 * Test helper: an ESRI ASCII grid (the bundled .asc files; data/NOTICE.md: rows north to south,
 * {@code xllcorner} = pixel registration, {@code xllcenter} = gridline) as one GridTile with halo
 * 0, or cut into tiles with a halo (NaN beyond the grid), the way a grid reader hands them over.
 */
public final class EsriGrids {
  private EsriGrids() {}

  public static Path repo(String relative) {
    return Path.of(System.getProperty("moho.repo")).resolve(relative);
  }

  public static GridTile read(Path path) {
    try {
      List<String> lines = Files.readAllLines(path);
      Map<String, String> h = new HashMap<>();
      int l = 0;
      while (Character.isLetter(lines.get(l).trim().charAt(0))) {
        String[] kv = lines.get(l).trim().split("\\s+");
        h.put(kv[0].toLowerCase(), kv[1]);
        l++;
      }
      int nx = Integer.parseInt(h.get("ncols"));
      int ny = Integer.parseInt(h.get("nrows"));
      double cs = Double.parseDouble(h.get("cellsize"));
      boolean pixel = h.containsKey("xllcorner");
      double x0 = Double.parseDouble(pixel ? h.get("xllcorner") : h.get("xllcenter")) + (pixel ? cs / 2 : 0);
      double y0 = Double.parseDouble(pixel ? h.get("yllcorner") : h.get("yllcenter")) + (pixel ? cs / 2 : 0);
      double nodata = Double.parseDouble(h.getOrDefault("nodata_value", "-99999"));
      float[] v = new float[nx * ny];
      for (int r = 0; r < ny; r++) {
        String[] f = lines.get(l + r).trim().split("\\s+");
        if (f.length != nx) throw new IllegalStateException("row " + r + " has " + f.length + " values");
        int j = ny - 1 - r; // file rows run north to south
        for (int i = 0; i < nx; i++) {
          double x = Double.parseDouble(f[i]);
          v[j * nx + i] = x == nodata ? Float.NaN : (float) x;
        }
      }
      return new GridTile(path.getFileName().toString(), "m", pixel ? Registration.PIXEL : Registration.GRIDLINE,
          nx, ny, 0, 0, nx, ny, 0, x0, y0, cs, cs, v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole grid cut into blocks of {@code size x size} interior nodes with a halo. */
  public static List<GridTile> tiles(GridTile g, int size, int halo) {
    List<GridTile> out = new ArrayList<>();
    for (int r0 = 0; r0 < g.ny(); r0 += size) {
      for (int c0 = 0; c0 < g.nx(); c0 += size) {
        int bx = Math.min(size, g.nx() - c0) + 2 * halo;
        int by = Math.min(size, g.ny() - r0) + 2 * halo;
        float[] v = new float[bx * by];
        for (int j = 0; j < by; j++) {
          for (int i = 0; i < bx; i++) {
            int gi = c0 - halo + i;
            int gj = r0 - halo + j;
            v[j * bx + i] = gi < 0 || gj < 0 || gi >= g.nx() || gj >= g.ny() ? Float.NaN : g.at(gi, gj);
          }
        }
        out.add(new GridTile(g.source(), g.units(), g.registration(), g.nx(), g.ny(), c0 - halo, r0 - halo, bx, by, halo,
            g.x(c0 - halo), g.y(r0 - halo), g.dx(), g.dy(), v));
      }
    }
    return out;
  }
}
