package org.moho.io.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.moho.core.data.Registration;

/**
 * A regular grid given as text lines {@code x y z} (whitespace, tab or comma separated, any
 * order, {@code #} comments; a line of words is taken as a column header and skipped). The
 * coordinates are node positions, so the grid is gridline-registered, as GMT's {@code xyz2grd}
 * assumes without {@code -r}. Nodes absent from the file are NaN.
 *
 * <p>Opening makes one pass that keeps only the distinct x and y values (to find the lattice);
 * each band is read with a further pass that keeps only that band's rows. Memory is bounded by
 * the band, at the cost of one pass over the file per band.
 */
final class XyzGridFile implements GridFile {
  private static final double LATTICE_TOLERANCE = 1e-3;
  /** At most this many lattice nodes per point read: a grid may leave out its NaN nodes, not 99 % of them. */
  static final int MAX_NODES_PER_POINT = 100;

  private final Path path;
  private final GridHeader header;

  private XyzGridFile(Path path) throws IOException {
    this.path = path;
    TreeSet<Double> xs = new TreeSet<>();
    TreeSet<Double> ys = new TreeSet<>();
    long points = 0;
    try (BufferedReader r = Files.newBufferedReader(path)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        double[] p = parse(line, n);
        if (p == null) continue;
        points++;
        xs.add(p[0]);
        ys.add(p[1]);
      }
    }
    if (xs.size() < 2 || ys.size() < 2) throw new IOException("XYZ grid needs at least 2 distinct x and y values, has " + xs.size() + " x " + ys.size());
    double dx = lattice(xs, "x");
    double dy = lattice(ys, "y");
    long nx = Math.round((xs.last() - xs.first()) / dx) + 1;
    long ny = Math.round((ys.last() - ys.first()) / dy) + 1;
    // A gridded XYZ file lists most of its nodes (GMT's grd2xyz -s leaves out only NaN nodes). A few
    // points whose smallest gap is tiny (18.0, 18.0000005, ...) would otherwise make a lattice of
    // billions of nodes, and reading it band by band would take minutes (a fuzzer finding, kept as
    // a regression seed): refuse lattices with far more nodes than points, before any allocation.
    if (nx > Integer.MAX_VALUE || ny > Integer.MAX_VALUE || nx * (double) ny > MAX_NODES_PER_POINT * (double) points) {
      throw new IOException("XYZ values are not the nodes of a regular grid: their smallest gaps (dx " + dx + ", dy " + dy
          + ") make a lattice of " + nx + " x " + ny + " nodes for only " + points + " points (at most "
          + MAX_NODES_PER_POINT + " nodes per point are accepted)");
    }
    this.header = new GridHeader(path.toString(), (int) nx, (int) ny, xs.first(), ys.first(), dx, dy, Registration.GRIDLINE, "");
  }

  static XyzGridFile open(Path path) throws IOException {
    return new XyzGridFile(path);
  }

  /** The spacing: the smallest gap between distinct values, with every value on its lattice. */
  private static double lattice(TreeSet<Double> values, String axis) throws IOException {
    double min = Double.POSITIVE_INFINITY;
    Double prev = null;
    for (double v : values) {
      if (prev != null) min = Math.min(min, v - prev);
      prev = v;
    }
    double first = values.first();
    for (double v : values) {
      double k = (v - first) / min;
      if (Math.abs(k - Math.rint(k)) > LATTICE_TOLERANCE) {
        throw new IOException("XYZ " + axis + " values are not on a regular lattice (" + v + " with spacing " + min + ")");
      }
    }
    return min;
  }

  /** x, y, z of a data line; null for blank, comment and header lines. */
  private static double[] parse(String line, int n) throws IOException {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("#")) return null;
    // A leading separator (",65.5 30.0 -4800", found by the fuzzer) would give an empty first field.
    String[] f = java.util.Arrays.stream(s.split("[\\s,;]+")).filter(x -> !x.isEmpty()).toArray(String[]::new);
    if (f.length < 3) throw new IOException("line " + n + ": expected x y z, got '" + s + "'");
    try {
      return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), TextTokens.parseDouble(f[2])};
    } catch (NumberFormatException | IOException e) {
      if (n == 1 || Character.isLetter(f[0].charAt(0))) return null; // a column header
      throw new IOException("line " + n + ": expected numbers x y z, got '" + s + "'");
    }
  }

  @Override
  public GridHeader header() {
    return header;
  }

  @Override
  public float[] readRows(int row0, int rows, double factor) throws IOException {
    GridFile.checkBand(header, row0, rows);
    int nx = header.nx();
    float[] out = new float[rows * nx];
    java.util.Arrays.fill(out, Float.NaN);
    try (BufferedReader r = Files.newBufferedReader(path)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        double[] p = parse(line, n);
        if (p == null) continue;
        int j = (int) Math.round((p[1] - header.y0()) / header.dy()) - row0;
        if (j < 0 || j >= rows) continue;
        int i = (int) Math.round((p[0] - header.x0()) / header.dx());
        out[j * nx + i] = (float) (p[2] * factor);
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
