package org.moho.io.netcdf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes netCDF classic files (NetCDF Classic Format Specification,
 * https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html) to a plain
 * {@link OutputStream}, streaming: declare dimensions, attributes and variables, then
 * {@link #start} writes the header and hands back a {@link Data} that takes each variable's
 * values in declaration order, in as many pieces as the caller likes. Nothing but the header is
 * held in memory, so a grid larger than the heap can be written row band by row band.
 *
 * <p>The file is CDF-1 when every variable begins below 2 GiB and CDF-2 (64-bit offset)
 * otherwise, or as forced by {@link #version(int)}. Fixed-size variables only: a record
 * (unlimited) dimension is rejected, since grids do not need one. Hand-written for the same
 * reason as {@link ClassicNetcdfReader}.
 */
public final class ClassicNetcdfWriter {
  private final List<NcDimension> dimensions = new ArrayList<>();
  private final List<NcAttribute> globalAttributes = new ArrayList<>();
  private final Map<String, NcVariable> variables = new LinkedHashMap<>();
  private int version;

  /** Forces the format version: 1 (classic) or 2 (64-bit offset); 0 (default) chooses. */
  public ClassicNetcdfWriter version(int v) {
    if (v != 0 && v != 1 && v != 2) throw new IllegalArgumentException("version must be 0, 1 or 2, got " + v);
    this.version = v;
    return this;
  }

  public NcDimension addDimension(String name, long length) {
    if (length <= 0 || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("dimension " + name + ": length " + length + " (record dimensions are not supported)");
    }
    NcDimension d = new NcDimension(name, length, false);
    dimensions.add(d);
    return d;
  }

  public ClassicNetcdfWriter addGlobalAttribute(NcAttribute a) {
    globalAttributes.add(a);
    return this;
  }

  public ClassicNetcdfWriter addVariable(String name, NcType type, List<NcDimension> dims, List<NcAttribute> attributes) {
    for (NcDimension d : dims) {
      if (!dimensions.contains(d)) throw new IllegalArgumentException("variable " + name + ": dimension " + d.name() + " was not added");
    }
    if (variables.containsKey(name)) throw new IllegalArgumentException("variable " + name + " added twice");
    variables.put(name, new NcVariable(name, dims, attributes, type, 0, 0));
    return this;
  }

  /** Writes the header to {@code out} and returns the sink for the variables' values. */
  public Data start(OutputStream out) throws IOException {
    List<NcVariable> vars = new ArrayList<>(variables.values());
    int v = version;
    byte[] header = header(vars, v == 0 ? 1 : v);
    long offset = header.length;
    List<NcVariable> placed = new ArrayList<>();
    for (NcVariable x : vars) {
      long bytes = dataBytes(x);
      placed.add(new NcVariable(x.name(), x.dimensions(), x.attributes(), x.type(), ClassicNetcdfReader.pad4(bytes), offset));
      offset += ClassicNetcdfReader.pad4(bytes);
    }
    long lastBegin = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).begin();
    if (v == 0) v = lastBegin > Integer.MAX_VALUE ? 2 : 1;
    if (v == 1 && lastBegin > Integer.MAX_VALUE) throw new IOException("variables begin past 2 GiB: CDF-1 cannot address them, use version 2");
    if (v == 2) {
      // CDF-2 has a longer header (64-bit begins): place again.
      header = header(vars, 2);
      offset = header.length;
      placed.clear();
      for (NcVariable x : vars) {
        long bytes = dataBytes(x);
        placed.add(new NcVariable(x.name(), x.dimensions(), x.attributes(), x.type(), ClassicNetcdfReader.pad4(bytes), offset));
        offset += ClassicNetcdfReader.pad4(bytes);
      }
    }
    header = header(placed, v);
    out.write(header);
    return new Data(out, placed);
  }

  private static long dataBytes(NcVariable v) {
    long n = v.type().size();
    for (NcDimension d : v.dimensions()) n *= d.length();
    return n;
  }

  private byte[] header(List<NcVariable> vars, int v) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {'C', 'D', 'F', (byte) v});
    out.writeInt(0); // numrecs: no record variables
    if (dimensions.isEmpty()) {
      out.writeInt(0);
      out.writeInt(0);
    } else {
      out.writeInt(ClassicNetcdfReader.NC_DIMENSION);
      out.writeInt(dimensions.size());
      for (NcDimension d : dimensions) {
        writeName(out, d.name());
        out.writeInt((int) d.length());
      }
    }
    writeAttributes(out, globalAttributes);
    if (vars.isEmpty()) {
      out.writeInt(0);
      out.writeInt(0);
    } else {
      out.writeInt(ClassicNetcdfReader.NC_VARIABLE);
      out.writeInt(vars.size());
      for (NcVariable x : vars) {
        writeName(out, x.name());
        out.writeInt(x.dimensions().size());
        for (NcDimension d : x.dimensions()) out.writeInt(dimensions.indexOf(d));
        writeAttributes(out, x.attributes());
        out.writeInt(x.type().code());
        // vsize is 32-bit; the spec allows 2^32-1 for a larger (last) variable.
        out.writeInt(x.vsize() > 0xFFFFFFFCL ? -1 : (int) x.vsize());
        if (v == 1) out.writeInt((int) x.begin());
        else out.writeLong(x.begin());
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeName(DataOutputStream out, String name) throws IOException {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
    pad(out, b.length);
  }

  private static void writeAttributes(DataOutputStream out, List<NcAttribute> atts) throws IOException {
    if (atts.isEmpty()) {
      out.writeInt(0);
      out.writeInt(0);
      return;
    }
    out.writeInt(ClassicNetcdfReader.NC_ATTRIBUTE);
    out.writeInt(atts.size());
    for (NcAttribute a : atts) {
      writeName(out, a.name());
      out.writeInt(a.type().code());
      byte[] raw = encode(a.type(), a.values());
      out.writeInt(raw.length / a.type().size());
      out.write(raw);
      pad(out, raw.length);
    }
  }

  private static void pad(DataOutputStream out, long n) throws IOException {
    for (long i = n; i < ClassicNetcdfReader.pad4(n); i++) out.write(0);
  }

  static byte[] encode(NcType type, Object values) {
    if (type == NcType.CHAR) {
      return values instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ((byte[]) values).clone();
    }
    int n = java.lang.reflect.Array.getLength(values);
    ByteBuffer b = ByteBuffer.allocate(n * type.size()).order(ByteOrder.BIG_ENDIAN);
    switch (type) {
      case BYTE -> b.put(checked(values, byte[].class, type));
      case SHORT -> b.asShortBuffer().put(checked(values, short[].class, type));
      case INT -> b.asIntBuffer().put(checked(values, int[].class, type));
      case FLOAT -> b.asFloatBuffer().put(checked(values, float[].class, type));
      default -> b.asDoubleBuffer().put(checked(values, double[].class, type));
    }
    return b.array();
  }

  private static <A> A checked(Object values, Class<A> type, NcType nc) {
    if (!type.isInstance(values)) throw new IllegalArgumentException(nc + " values must be " + type.getSimpleName() + ", got " + values.getClass().getSimpleName());
    return type.cast(values);
  }

  /**
   * Takes the variables' values in declaration order. {@link #write} may be called several times
   * per variable (e.g. a band of rows at a time); {@link #finish} checks every value was given.
   */
  public static final class Data {
    private final OutputStream out;
    private final List<NcVariable> vars;
    private int current;
    private long writtenBytes;

    Data(OutputStream out, List<NcVariable> vars) {
      this.out = out;
      this.vars = vars;
    }

    /** The variables with their final {@code begin} offsets, as a reader will see them. */
    public List<NcVariable> variables() {
      return vars;
    }

    /** Appends values ({@code float[]} for FLOAT, etc.) to variable {@code name}. */
    public void write(String name, Object values) throws IOException {
      if (current >= vars.size()) throw new IllegalStateException("all variables are written; got more for " + name);
      NcVariable v = vars.get(current);
      if (!v.name().equals(name)) {
        throw new IllegalStateException("variables are written in declaration order: expected " + v.name() + ", got " + name);
      }
      byte[] raw = encode(v.type(), values);
      long need = dataBytes(v);
      if (writtenBytes + raw.length > need) throw new IllegalStateException(name + ": more values than its shape holds");
      out.write(raw);
      writtenBytes += raw.length;
      if (writtenBytes == need) {
        for (long i = need; i < ClassicNetcdfReader.pad4(need); i++) out.write(0);
        current++;
        writtenBytes = 0;
      }
    }

    /** Checks that every variable got all its values and flushes. */
    public void finish() throws IOException {
      while (current < vars.size() && dataBytes(vars.get(current)) == 0) current++;
      if (current < vars.size()) {
        throw new IllegalStateException("variable " + vars.get(current).name() + " has " + writtenBytes + " of " + dataBytes(vars.get(current)) + " bytes");
      }
      out.flush();
    }
  }
}
