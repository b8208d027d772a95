package org.moho.io.grid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.moho.core.data.GridTile;
import org.moho.core.data.Registration;

/**
 * Run in a JVM with a small heap by {@link LargeGridMemoryTest}: writes a netCDF-3 grid larger
 * than the heap with our writer, reads it back as tiles with our reader and checks every node.
 * Prints one line {@code tiles=... nodes=... bad=... bytes=... heap=...}.
 */
public final class LargeGridMemoryProbe {
  static final int NX = 8192;
  static final int NY = 6656;
  static final int TILE = 256;
  static final int HALO = 16;

  /** A value every node can be checked against, exact in float; NaN on a diagonal pattern. */
  static float value(int i, int j) {
    return (i + j) % 997 == 0 ? Float.NaN : (i % 1000) + 1000f * (j % 1000);
  }

  /** The synthetic grid, computed row by row: nothing is held. */
  static final class Synthetic implements GridFile {
    private final GridHeader h = new GridHeader("synthetic", NX, NY, -180, -60, 0.01, 0.01, Registration.GRIDLINE, "m");

    @Override
    public GridHeader header() {
      return h;
    }

    @Override
    public float[] readRows(int row0, int rows, double factor) {
      float[] out = new float[rows * NX];
      for (int r = 0; r < rows; r++) for (int i = 0; i < NX; i++) out[r * NX + i] = value(i, row0 + r);
      return out;
    }

    @Override
    public void close() {}
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve("large.nc");
    try (OutputStream out = Files.newOutputStream(file)) {
      NetcdfGridWriter.write(new Synthetic(), out, "larger than the heap", 256);
    }
    long tiles = 0;
    long nodes = 0;
    long bad = 0;
    try (GridFile f = GridFormat.AUTO.open(file, null)) {
      GridTiler tiler = new GridTiler(f, TILE, HALO);
      for (int b = 0; b < tiler.bands(); b++) {
        for (GridTile t : tiler.band(b)) {
          tiles++;
          for (int j = 0; j < t.ny(); j++) {
            for (int i = 0; i < t.nx(); i++) {
              int gi = t.col0() + i;
              int gj = t.row0() + j;
              boolean inside = gi >= 0 && gi < NX && gj >= 0 && gj < NY;
              float v = t.at(i, j);
              boolean ok = inside ? Float.compare(v, value(gi, gj)) == 0 : Float.isNaN(v);
              if (!ok) bad++;
              if (t.interior(i, j)) nodes++;
            }
          }
        }
      }
    }
    System.out.println("tiles=" + tiles + " nodes=" + nodes + " bad=" + bad + " bytes=" + Files.size(file)
        + " heap=" + Runtime.getRuntime().maxMemory() + " " + Arrays.toString(new int[] {NX, NY}));
  }
}
