package org.moho.io.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.moho.core.data.Registration;
import org.moho.io.netcdf.ClassicNetcdfReader;

/**
 * A GMT/COARDS/CF grid in a netCDF file (netCDF-3 classic or netCDF-4): a 2-D variable
 * {@code z(y, x)} with 1-D coordinate variables. Honours {@code scale_factor}/{@code add_offset},
 * {@code _FillValue}/{@code missing_value} (compared with the stored value, before scaling) and
 * NaN, y stored north→south or south→north, and the registration: pixel when the global (or z's)
 * {@code node_offset} is 1, or when x's {@code actual_range} lies half a spacing outside the
 * first and last coordinates (how GMT tells them apart); gridline otherwise.
 */
final class NetcdfGridFile implements GridFile {
  /** Coordinates may be stored as float (tut_bathy.nc): allow float rounding, not irregularity. */
  private static final double REGULAR_TOLERANCE = 0.01;

  private final NetcdfAccess nc;
  private final String z;
  private final GridHeader header;
  private final boolean yDescending;
  private final double scale;
  private final double offset;
  private final double[] missing;

  private NetcdfGridFile(NetcdfAccess nc, String source, String variable) throws IOException {
    this.nc = nc;
    this.z = variable != null ? variable : pickVariable(nc);
    if (!nc.variables().contains(z)) throw new IOException("no variable '" + z + "'; the file has " + nc.variables());
    int[] shape = nc.shape(z);
    if (shape.length != 2) throw new IOException("variable " + z + " has " + shape.length + " dimensions, a grid needs 2");
    List<String> dims = nc.dimensions(z);
    double[] xs = coordinate(dims.get(1), shape[1]);
    double[] ys = coordinate(dims.get(0), shape[0]);
    double dx = spacing(xs, dims.get(1));
    double dy = spacing(ys, dims.get(0));
    if (dx < 0) throw new IOException("x (" + dims.get(1) + ") decreases west to east: not supported");
    this.yDescending = dy < 0;
    Map<String, Object> zAtts = nc.attributes(z);
    Map<String, Object> global = nc.globalAttributes();
    Registration reg = registration(global, zAtts, nc.attributes(dims.get(1)), xs, Math.abs(dx));
    this.scale = number(zAtts.get("scale_factor"), 1);
    this.offset = number(zAtts.get("add_offset"), 0);
    // a NaN or infinite packing turned every node into NaN or ±Inf without a word (found by
    // NetcdfClassicFuzzTest); the CF conventions allow only finite numbers here
    if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
      throw new IOException(z + ": scale_factor " + scale + " and add_offset " + offset + " must be finite numbers");
    }
    double fill = number(zAtts.get("_FillValue"), Double.NaN);
    double[] mv = zAtts.get("missing_value") instanceof double[] d ? d : new double[0];
    this.missing = new double[mv.length + 1];
    missing[0] = fill;
    System.arraycopy(mv, 0, missing, 1, mv.length);
    String units = zAtts.get("units") instanceof String s ? s.trim() : "";
    double[] xAxis = axis(nc.attributes(dims.get(1)), xs[0], dx, xs.length, reg);
    double[] yAxis = axis(nc.attributes(dims.get(0)), yDescending ? ys[ys.length - 1] : ys[0], Math.abs(dy), ys.length, reg);
    this.header = new GridHeader(source, shape[1], shape[0], xAxis[0], yAxis[0], xAxis[1], yAxis[1], reg, units);
  }

  /** Opens a netCDF grid, classic or netCDF-4 by the file's magic; {@code variable} null = auto. */
  static NetcdfGridFile open(Path path, String variable) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, 8);
    }
    NetcdfAccess access;
    if (n >= 4 && ClassicNetcdfReader.isClassic(head)) access = new ClassicNetcdfAccess(path);
    else if (n == 8 && head[0] == (byte) 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') access = new Hdf5NetcdfAccess(path);
    else throw new IOException("not a netCDF file (neither classic 'CDF' nor netCDF-4/HDF5 magic)");
    try {
      return new NetcdfGridFile(access, path.toString(), variable);
    } catch (IOException | RuntimeException e) {
      access.close();
      throw e;
    }
  }

  /** {@code z} when present, else the only 2-D variable. */
  private static String pickVariable(NetcdfAccess nc) throws IOException {
    if (nc.variables().contains("z") && nc.shape("z").length == 2) return "z";
    List<String> twoD = nc.variables().stream().filter(v -> nc.shape(v).length == 2).toList();
    if (twoD.size() == 1) return twoD.get(0);
    throw new IOException(twoD.isEmpty() ? "no 2-D variable in the file" : "several 2-D variables " + twoD + ": name one with 'variable'");
  }

  private double[] coordinate(String name, int n) throws IOException {
    if (!nc.variables().contains(name)) throw new IOException("no coordinate variable '" + name + "'");
    Object raw = nc.read(name, new int[] {0}, new int[] {n});
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = ((Number) java.lang.reflect.Array.get(raw, i)).doubleValue();
    return d;
  }

  /** The (signed) spacing of a regular coordinate, checked node by node. */
  private static double spacing(double[] c, String name) throws IOException {
    if (c.length < 2) throw new IOException("coordinate " + name + " has " + c.length + " value(s); a grid needs at least 2");
    double d = (c[c.length - 1] - c[0]) / (c.length - 1);
    for (int i = 0; i < c.length; i++) {
      if (Math.abs(c[0] + i * d - c[i]) > REGULAR_TOLERANCE * Math.abs(d) + 1e-9) {
        throw new IOException("coordinate " + name + " is not regular at index " + i + " (" + c[i] + ")");
      }
    }
    return d;
  }

  /**
   * The first node and spacing of an axis: from its {@code actual_range} when that agrees with the
   * coordinates (it holds the bounds at full precision, as GMT writes and reads them), else from
   * the coordinates.
   */
  private static double[] axis(Map<String, Object> atts, double first, double d, int n, Registration reg) {
    if (atts.get("actual_range") instanceof double[] r && r.length == 2) {
      double lo = Math.min(r[0], r[1]);
      double hi = Math.max(r[0], r[1]);
      boolean pixel = reg == Registration.PIXEL;
      double step = (hi - lo) / (pixel ? n : n - 1);
      double node0 = pixel ? lo + step / 2 : lo;
      if (Math.abs(step - d) < 0.01 * d && Math.abs(node0 - first) < 0.01 * d) return new double[] {node0, step};
    }
    return new double[] {first, d};
  }

  private static Registration registration(Map<String, Object> global, Map<String, Object> zAtts,
      Map<String, Object> xAtts, double[] xs, double dx) {
    double nodeOffset = number(global.get("node_offset"), number(zAtts.get("node_offset"), Double.NaN));
    if (!Double.isNaN(nodeOffset)) return nodeOffset == 1 ? Registration.PIXEL : Registration.GRIDLINE;
    if (xAtts.get("actual_range") instanceof double[] r && r.length == 2) {
      double lo = Math.min(r[0], r[1]);
      double first = Math.min(xs[0], xs[xs.length - 1]);
      if (Math.abs(first - lo - dx / 2) < dx * 1e-3) return Registration.PIXEL;
    }
    return Registration.GRIDLINE;
  }

  private static double number(Object v, double otherwise) {
    return v instanceof double[] d && d.length > 0 ? d[0] : otherwise;
  }

  @Override
  public GridHeader header() {
    return header;
  }

  @Override
  public float[] readRows(int row0, int rows, double factor) throws IOException {
    GridFile.checkBand(header, row0, rows);
    int nx = header.nx();
    int fileRow = yDescending ? header.ny() - row0 - rows : row0;
    Object raw = nc.read(z, new int[] {fileRow, 0}, new int[] {rows, nx});
    float[] out = new float[rows * nx];
    for (int r = 0; r < rows; r++) {
      int src = (yDescending ? rows - 1 - r : r) * nx;
      int dst = r * nx;
      for (int i = 0; i < nx; i++) out[dst + i] = value(raw, src + i, factor);
    }
    return out;
  }

  private float value(Object raw, int k, double factor) {
    double v;
    if (raw instanceof short[] a) v = a[k];
    else if (raw instanceof float[] a) v = a[k];
    else if (raw instanceof double[] a) v = a[k];
    else if (raw instanceof int[] a) v = a[k];
    else if (raw instanceof byte[] a) v = a[k];
    else if (raw instanceof long[] a) v = a[k];
    else throw new IllegalStateException("unsupported stored type " + raw.getClass().getSimpleName());
    if (Double.isNaN(v)) return Float.NaN;
    for (double m : missing) {
      if (v == m) return Float.NaN;
    }
    return (float) ((v * scale + offset) * factor);
  }

  @Override
  public void close() throws IOException {
    nc.close();
  }
}
