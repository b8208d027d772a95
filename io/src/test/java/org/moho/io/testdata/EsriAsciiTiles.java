package org.moho.io.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;

/**
 * Cuts a bundled ESRI ASCII grid into {@link GridTile}s the way GridTile's Javadoc defines them,
 * for tests of stages downstream of {@code grid.read} (written elsewhere). ESRI ASCII: header
 * ncols/nrows/xllcorner|xllcenter/yll.../cellsize/NODATA_value, then rows north to south.
 */
public final class EsriAsciiTiles {
  private EsriAsciiTiles() {}

  /** The whole grid, row 0 = south, NaN for NODATA, plus its header values. */
  public record Grid(int nx, int ny, double x0, double y0, double cell, Registration registration, float[] values) {
    public float at(int col, int row) {
      return col < 0 || row < 0 || col >= nx || row >= ny ? Float.NaN : values[row * nx + col];
    }
  }

  public static Path file(String name) {
    return Path.of(System.getProperty("moho.repo")).resolve("data/bathymetry").resolve(name);
  }

  public static Grid read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int nx = 0;
    int ny = 0;
    double xll = 0;
    double yll = 0;
    double cell = 0;
    double nodata = Double.NaN;
    boolean corner = true;
    int i = 0;
    for (; i < lines.size(); i++) {
      String[] f = lines.get(i).trim().split("\\s+");
      if (!Character.isLetter(f[0].charAt(0))) break;
      switch (f[0].toLowerCase()) {
        case "ncols" -> nx = Integer.parseInt(f[1]);
        case "nrows" -> ny = Integer.parseInt(f[1]);
        case "xllcorner" -> xll = Double.parseDouble(f[1]);
        case "xllcenter" -> { xll = Double.parseDouble(f[1]); corner = false; }
        case "yllcorner", "yllcenter" -> yll = Double.parseDouble(f[1]);
        case "cellsize" -> cell = Double.parseDouble(f[1]);
        case "nodata_value" -> nodata = Double.parseDouble(f[1]);
        default -> throw new IOException("unknown header " + f[0]);
      }
    }
    float[] values = new float[nx * ny];
    for (int r = 0; r < ny; r++) {
      String[] f = lines.get(i + r).trim().split("\\s+");
      int row = ny - 1 - r; // file rows run north to south
      for (int c = 0; c < nx; c++) {
        double v = Double.parseDouble(f[c]);
        values[row * nx + c] = v == nodata ? Float.NaN : (float) v;
      }
    }
    // Pixel registration: the first node is the centre of the south-west cell.
    double half = corner ? cell / 2 : 0;
    return new Grid(nx, ny, xll + half, yll + half, cell, corner ? Registration.PIXEL : Registration.GRIDLINE, values);
  }

  /** Tiles of {@code size x size} interior nodes with a halo of {@code halo} (NaN beyond the edge). */
  public static List<GridTile> tiles(Grid g, String source, String units, int size, int halo) {
    List<GridTile> tiles = new ArrayList<>();
    for (int r0 = 0; r0 < g.ny(); r0 += size) {
      for (int c0 = 0; c0 < g.nx(); c0 += size) {
        int inx = Math.min(size, g.nx() - c0);
        int iny = Math.min(size, g.ny() - r0);
        int nx = inx + 2 * halo;
        int ny = iny + 2 * halo;
        int col0 = c0 - halo;
        int row0 = r0 - halo;
        float[] v = new float[nx * ny];
        for (int j = 0; j < ny; j++) {
          for (int i = 0; i < nx; i++) v[j * nx + i] = g.at(col0 + i, row0 + j);
        }
        tiles.add(new GridTile(source, units, g.registration(), g.nx(), g.ny(), col0, row0, nx, ny, halo,
            g.x0() + col0 * g.cell(), g.y0() + row0 * g.cell(), g.cell(), g.cell(), v));
      }
    }
    return tiles;
  }
}
