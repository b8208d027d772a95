package org.moho.pipelines.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;

/**
 * Test helper standing in for the grid reader (written elsewhere): reads an ESRI ASCII grid
 * (header ncols/nrows/xllcorner|xllcenter/yll.../cellsize/NODATA_value, rows north to south) and
 * cuts it into tiles with a halo, NaN beyond the grid's edge, as GridTile's javadoc describes.
 */
final class AsciiGrids {
  private AsciiGrids() {}

  /** The whole grid as one array, row 0 = south. */
  record Grid(String source, Registration registration, int nx, int ny, double x0, double y0, double d, float[] values) {
    float at(int i, int j) {
      return values[j * nx + i];
    }
  }

  static Path repo(String relative) {
    return Path.of(System.getProperty("moho.repo")).resolve(relative);
  }

  static Grid read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Map<String, String> h = new HashMap<>();
    int k = 0;
    while (k < lines.size() && Character.isLetter(lines.get(k).trim().charAt(0))) {
      String[] p = lines.get(k).trim().split("\\s+");
      h.put(p[0].toLowerCase(), p[1]);
      k++;
    }
    int nx = Integer.parseInt(h.get("ncols"));
    int ny = Integer.parseInt(h.get("nrows"));
    double d = Double.parseDouble(h.get("cellsize"));
    double nodata = Double.parseDouble(h.getOrDefault("nodata_value", "-99999"));
    boolean pixel = h.containsKey("xllcorner");
    double x0 = Double.parseDouble(pixel ? h.get("xllcorner") : h.get("xllcenter")) + (pixel ? d / 2 : 0);
    double y0 = Double.parseDouble(pixel ? h.get("yllcorner") : h.get("yllcenter")) + (pixel ? d / 2 : 0);
    float[] v = new float[nx * ny];
    int row = 0;
    for (; k < lines.size(); k++) {
      String line = lines.get(k).trim();
      if (line.isEmpty()) continue;
      String[] p = line.split("\\s+");
      int j = ny - 1 - row;
      for (int i = 0; i < nx; i++) {
        double z = Double.parseDouble(p[i]);
        v[j * nx + i] = z == nodata ? Float.NaN : (float) z;
      }
      row++;
    }
    String name = file.getFileName().toString();
    return new Grid(name, pixel ? Registration.PIXEL : Registration.GRIDLINE, nx, ny, x0, y0, d, v);
  }

  /** Tiles of (at most) {@code size x size} interior nodes with {@code halo} nodes around each. */
  static List<GridTile> tiles(Grid g, int size, int halo) {
    List<GridTile> out = new ArrayList<>();
    for (int r0 = 0; r0 < g.ny(); r0 += size) {
      for (int c0 = 0; c0 < g.nx(); c0 += size) {
        out.add(tile(g, c0, r0, Math.min(size, g.nx() - c0), Math.min(size, g.ny() - r0), halo));
      }
    }
    return out;
  }

  static GridTile tile(Grid g, int c0, int r0, int w, int hgt, int halo) {
    int nx = w + 2 * halo;
    int ny = hgt + 2 * halo;
    float[] v = new float[nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int gi = c0 - halo + i;
        int gj = r0 - halo + j;
        v[j * nx + i] = gi < 0 || gj < 0 || gi >= g.nx() || gj >= g.ny() ? Float.NaN : g.at(gi, gj);
      }
    }
    return new GridTile(g.source(), "m", g.registration(), g.nx(), g.ny(), c0 - halo, r0 - halo, nx, ny, halo,
        g.x0() + (c0 - halo) * g.d(), g.y0() + (r0 - halo) * g.d(), g.d(), g.d(), v);
  }

  /** A grid with other values but the same geometry. */
  static Grid withValues(Grid g, float[] values) {
    return new Grid(g.source(), g.registration(), g.nx(), g.ny(), g.x0(), g.y0(), g.d(), values);
  }

  /** Stitches the interiors of filtered tiles back into one grid array (NaN where none covers). */
  static float[] stitch(Grid g, List<GridTile> tiles) {
    float[] out = new float[g.nx() * g.ny()];
    java.util.Arrays.fill(out, Float.NaN);
    for (GridTile t : tiles) {
      for (int j = t.halo(); j < t.ny() - t.halo(); j++) {
        for (int i = t.halo(); i < t.nx() - t.halo(); i++) {
          int gi = t.col0() + i;
          int gj = t.row0() + j;
          if (gi >= 0 && gj >= 0 && gi < g.nx() && gj < g.ny()) out[gj * g.nx() + gi] = t.at(i, j);
        }
      }
    }
    return out;
  }
}
