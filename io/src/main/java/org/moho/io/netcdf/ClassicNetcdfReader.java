package org.moho.io.netcdf;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads netCDF classic files: CDF-1 (classic) and CDF-2 (64-bit offset), as laid down by the
 * NetCDF Classic Format Specification
 * (https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html). Hand-written
 * because no library on Maven Central reads this format (netCDF-Java is not published there and
 * jhdf reads only the HDF5-based netCDF-4).
 *
 * <p>Opening reads and checks the header only; values are read on demand, a hyperslab at a time,
 * with positional reads, so a caller reading a band of rows never holds more than that band. The
 * header is checked against the file's length on open: a file cut short (its variables' data
 * reaching past its end) is rejected with a {@link NetcdfFormatException} saying so. Record
 * variables are supported (their values are interleaved record by record, stride
 * {@link #recordSize()}). CDF-5 (64-bit data) files are rejected.
 *
 * <p>Hyperslab reads are positional reads on a {@link FileChannel}, so one reader may serve
 * several threads.
 */
public final class ClassicNetcdfReader implements Closeable {
  // Header tags of the spec's grammar.
  static final int NC_DIMENSION = 0x0A;
  static final int NC_VARIABLE = 0x0B;
  static final int NC_ATTRIBUTE = 0x0C;
  /** numrecs value of a file still being written ("STREAMING" in the spec). */
  static final int STREAMING = 0xFFFFFFFF;

  private final Path path;
  private final FileChannel channel;
  private final long fileSize;
  private final int version;
  private final long numRecords;
  private final List<NcDimension> dimensions;
  private final List<NcAttribute> globalAttributes;
  private final List<NcVariable> variables;
  private final long recordSize;

  private ClassicNetcdfReader(Path path, FileChannel channel) throws IOException {
    this.path = path;
    this.channel = channel;
    this.fileSize = channel.size();
    HeaderInput in = new HeaderInput(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16), fileSize);
    byte[] magic = in.bytes(4, "magic");
    if (magic[0] != 'C' || magic[1] != 'D' || magic[2] != 'F') {
      throw new NetcdfFormatException("not a netCDF classic file (magic is not 'CDF')");
    }
    version = magic[3];
    if (version == 5) throw new NetcdfFormatException("CDF-5 (64-bit data) netCDF is not supported, only CDF-1 and CDF-2");
    if (version != 1 && version != 2) throw new NetcdfFormatException("unknown netCDF classic version byte " + version);
    int nrecs = in.int32("numrecs");
    dimensions = readDimensions(in);
    globalAttributes = readAttributes(in);
    variables = readVariables(in);
    try {
      recordSize = computeRecordSize(variables);
      if (nrecs == STREAMING) {
        long firstRecord = variables.stream().filter(NcVariable::isRecordVariable).mapToLong(NcVariable::begin).min().orElse(fileSize);
        numRecords = recordSize == 0 ? 0 : Math.max(0, (fileSize - firstRecord) / recordSize);
      } else {
        numRecords = Integer.toUnsignedLong(nrecs);
      }
      checkExtents();
    } catch (ArithmeticException e) {
      // sizes multiply dimension lengths of up to 2^32 - 1 each: three of them wrapped a long round
      // to a small size that passed the extent check (found by NetcdfClassicFuzzTest)
      throw new NetcdfFormatException("a variable's size in bytes overflows 64 bits: the header's dimension lengths are corrupt");
    }
  }

  /** Opens {@code path} and reads its header; throws {@link NetcdfFormatException} for bad bytes. */
  public static ClassicNetcdfReader open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new ClassicNetcdfReader(path, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** True when the file starts with the classic magic {@code CDF\1} or {@code CDF\2}. */
  public static boolean isClassic(byte[] head) {
    return head.length >= 4 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F' && (head[3] == 1 || head[3] == 2);
  }

  public Path path() {
    return path;
  }

  /** 1 for CDF-1 (classic), 2 for CDF-2 (64-bit offset). */
  public int version() {
    return version;
  }

  public long numRecords() {
    return numRecords;
  }

  /** Bytes of one record: all record variables' per-record data, each padded to 4 (unless alone). */
  public long recordSize() {
    return recordSize;
  }

  public List<NcDimension> dimensions() {
    return dimensions;
  }

  public List<NcAttribute> globalAttributes() {
    return globalAttributes;
  }

  public Optional<NcAttribute> globalAttribute(String name) {
    return globalAttributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public List<NcVariable> variables() {
    return variables;
  }

  public Optional<NcVariable> variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The variable's shape, with the record dimension at the file's number of records. */
  public long[] shape(NcVariable v) {
    return v.shape(numRecords);
  }

  /** All values of {@code v}, as a primitive array of its type ({@code byte[]} for CHAR too). */
  public Object read(NcVariable v) throws IOException {
    long[] shape = shape(v);
    int[] count = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] > Integer.MAX_VALUE) throw new IOException(v.name() + " is too large to read whole; read a hyperslab");
      count[i] = (int) shape[i];
    }
    return read(v, new long[shape.length], count);
  }

  /**
   * The hyperslab {@code start[i] .. start[i]+count[i]-1} of {@code v} in row-major order (last
   * dimension fastest), as a primitive array of its type. Contiguous runs are read with one
   * positional read each.
   */
  public Object read(NcVariable v, long[] start, int[] count) throws IOException {
    long[] shape = shape(v);
    int rank = shape.length;
    if (start.length != rank || count.length != rank) {
      throw new IllegalArgumentException(v.name() + " has rank " + rank + ", got start/count of " + start.length + "/" + count.length);
    }
    long total = 1;
    for (int i = 0; i < rank; i++) {
      if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i]) {
        throw new IllegalArgumentException(v.name() + ": dimension " + i + " start " + start[i] + " count " + count[i] + " outside 0.." + shape[i]);
      }
      total *= count[i];
      if (total > Integer.MAX_VALUE) throw new IllegalArgumentException(v.name() + ": hyperslab of more than " + Integer.MAX_VALUE + " values is too large");
    }
    int size = v.type().size();
    if (total * size > Integer.MAX_VALUE) throw new IllegalArgumentException(v.name() + ": hyperslab of " + total + " values is too large");
    // Byte strides per dimension: row-major within one record; a record variable's outermost
    // dimension steps by the record size instead.
    long[] stride = new long[rank];
    long s = size;
    for (int i = rank - 1; i >= 0; i--) {
      stride[i] = s;
      s *= shape[i];
    }
    if (v.isRecordVariable()) stride[0] = recordSize;
    // The innermost dimensions read whole form one contiguous run with dimension k (partly read)
    // as its outermost; k == rank means runs of one value. A record variable's records are not
    // contiguous, so its outermost dimension is never part of a run.
    int k = Math.max(rank - 1, 0);
    int minK = v.isRecordVariable() ? 1 : 0;
    while (k > minK && start[k] == 0 && count[k] == shape[k]) k--;
    if (rank == 0 || (v.isRecordVariable() && k < 1)) k = rank == 0 ? 0 : 1;
    long runValues = 1;
    for (int i = k; i < rank; i++) runValues *= count[i];
    ByteBuffer buf = ByteBuffer.allocate((int) (total * size)).order(ByteOrder.BIG_ENDIAN);
    if (total > 0) {
      long[] idx = new long[k];
      int runBytes = (int) (runValues * size);
      while (true) {
        long offset = v.begin();
        for (int i = 0; i < k; i++) offset += (start[i] + idx[i]) * stride[i];
        if (k < rank) offset += start[k] * stride[k];
        readFully(buf, offset, runBytes, v);
        int d = k - 1;
        while (d >= 0 && ++idx[d] == count[d]) idx[d--] = 0;
        if (d < 0) break;
      }
    }
    buf.flip();
    return decode(buf, v.type(), (int) total);
  }

  /** The hyperslab widened to double, for callers that do arithmetic on any numeric type. */
  public double[] readDoubles(NcVariable v, long[] start, int[] count) throws IOException {
    return toDoubles(read(v, start, count));
  }

  public double[] readDoubles(NcVariable v) throws IOException {
    return toDoubles(read(v));
  }

  static double[] toDoubles(Object a) {
    if (a instanceof double[] d) return d;
    int n = java.lang.reflect.Array.getLength(a);
    double[] out = new double[n];
    if (a instanceof float[] f) for (int i = 0; i < n; i++) out[i] = f[i];
    else if (a instanceof int[] x) for (int i = 0; i < n; i++) out[i] = x[i];
    else if (a instanceof short[] x) for (int i = 0; i < n; i++) out[i] = x[i];
    else if (a instanceof byte[] x) for (int i = 0; i < n; i++) out[i] = x[i];
    return out;
  }

  private void readFully(ByteBuffer buf, long offset, int bytes, NcVariable v) throws IOException {
    int limit = buf.position() + bytes;
    buf.limit(limit);
    long pos = offset;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos);
      if (n < 0) throw new NetcdfFormatException("truncated: " + v.name() + " data ends at byte " + pos + " of a " + fileSize + "-byte file");
      pos += n;
    }
  }

  private static Object decode(ByteBuffer buf, NcType type, int n) {
    switch (type) {
      case BYTE, CHAR -> {
        byte[] a = new byte[n];
        buf.get(a);
        return a;
      }
      case SHORT -> {
        short[] a = new short[n];
        buf.asShortBuffer().get(a);
        return a;
      }
      case INT -> {
        int[] a = new int[n];
        buf.asIntBuffer().get(a);
        return a;
      }
      case FLOAT -> {
        float[] a = new float[n];
        buf.asFloatBuffer().get(a);
        return a;
      }
      default -> {
        double[] a = new double[n];
        buf.asDoubleBuffer().get(a);
        return a;
      }
    }
  }

  private List<NcDimension> readDimensions(HeaderInput in) throws IOException {
    int n = in.listHeader(NC_DIMENSION, "dim_list");
    List<NcDimension> dims = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.name();
      // dim_length is 32-bit in CDF-1 and CDF-2 (only CDF-5 widens it).
      long len = Integer.toUnsignedLong(in.int32("dim_length"));
      dims.add(new NcDimension(name, len, len == 0));
    }
    return List.copyOf(dims);
  }

  private List<NcAttribute> readAttributes(HeaderInput in) throws IOException {
    int n = in.listHeader(NC_ATTRIBUTE, "att_list");
    List<NcAttribute> atts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.name();
      NcType type = NcType.ofCode(in.int32("nc_type"));
      int nelems = in.count("attribute " + name, type.size());
      byte[] raw = in.bytes(nelems * type.size(), "attribute " + name);
      in.skipPadding(nelems * type.size());
      Object values = type == NcType.CHAR
          ? new String(raw, StandardCharsets.UTF_8)
          : decode(ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN), type, nelems);
      atts.add(new NcAttribute(name, type, values));
    }
    return List.copyOf(atts);
  }

  private List<NcVariable> readVariables(HeaderInput in) throws IOException {
    int n = in.listHeader(NC_VARIABLE, "var_list");
    List<NcVariable> vars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.name();
      int rank = in.count("dimensions of " + name, 4);
      List<NcDimension> dims = new ArrayList<>(rank);
      for (int d = 0; d < rank; d++) {
        int id = in.int32("dimid");
        if (id < 0 || id >= dimensions.size()) throw new NetcdfFormatException("variable " + name + " names dimension id " + id + " of " + dimensions.size());
        NcDimension dim = dimensions.get(id);
        if (dim.unlimited() && d != 0) throw new NetcdfFormatException("variable " + name + " has the record dimension in position " + d);
        dims.add(dim);
      }
      List<NcAttribute> atts = readAttributes(in);
      NcType type = NcType.ofCode(in.int32("nc_type"));
      long vsize = Integer.toUnsignedLong(in.int32("vsize"));
      long begin = version == 1 ? Integer.toUnsignedLong(in.int32("begin")) : in.int64("begin");
      vars.add(new NcVariable(name, dims, atts, type, vsize, begin));
    }
    return List.copyOf(vars);
  }

  /** Per-record bytes of a record variable, unpadded. */
  private static long perRecordBytes(NcVariable v) {
    long n = v.type().size();
    for (int i = 1; i < v.dimensions().size(); i++) n = Math.multiplyExact(n, v.dimensions().get(i).length());
    return n;
  }

  private static long computeRecordSize(List<NcVariable> vars) {
    List<NcVariable> rec = vars.stream().filter(NcVariable::isRecordVariable).toList();
    // The spec: a single record variable is not padded (so a record of bytes or shorts packs).
    if (rec.size() == 1) return perRecordBytes(rec.get(0));
    long sum = 0;
    for (NcVariable v : rec) sum = Math.addExact(sum, pad4(perRecordBytes(v)));
    return sum;
  }

  /** Rejects a header whose variables' data would reach past the end of the file. */
  private void checkExtents() throws NetcdfFormatException {
    for (NcVariable v : variables) {
      long end;
      if (v.isRecordVariable()) {
        if (numRecords == 0) continue;
        end = Math.addExact(Math.addExact(v.begin(), Math.multiplyExact(numRecords - 1, recordSize)), perRecordBytes(v));
      } else {
        long bytes = v.type().size();
        for (NcDimension d : v.dimensions()) bytes = Math.multiplyExact(bytes, d.length());
        end = Math.addExact(v.begin(), bytes);
      }
      if (v.begin() < 0 || end > fileSize) {
        throw new NetcdfFormatException("truncated: variable " + v.name() + " needs bytes " + v.begin() + ".." + end
            + " but the file has " + fileSize + " bytes");
      }
    }
  }

  static long pad4(long n) {
    return (n + 3) & ~3L;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Big-endian header reading with the spec's padding rules and bounds against the file size. */
  private static final class HeaderInput {
    private final DataInputStream in;
    private final long fileSize;
    private long pos;

    HeaderInput(InputStream in, long fileSize) {
      this.in = new DataInputStream(in);
      this.fileSize = fileSize;
    }

    int int32(String what) throws IOException {
      try {
        pos += 4;
        return in.readInt();
      } catch (EOFException e) {
        throw new NetcdfFormatException("truncated header: file ends while reading " + what);
      }
    }

    long int64(String what) throws IOException {
      try {
        pos += 8;
        return in.readLong();
      } catch (EOFException e) {
        throw new NetcdfFormatException("truncated header: file ends while reading " + what);
      }
    }

    byte[] bytes(int n, String what) throws IOException {
      if (n < 0 || pos + n > fileSize) throw new NetcdfFormatException("truncated header: " + what + " needs " + n + " bytes past byte " + pos);
      byte[] b = new byte[n];
      try {
        in.readFully(b);
      } catch (EOFException e) {
        throw new NetcdfFormatException("truncated header: file ends while reading " + what);
      }
      pos += n;
      return b;
    }

    /** A count of items of {@code itemBytes} each, checked against the bytes left in the file. */
    int count(String what, int itemBytes) throws IOException {
      int n = int32(what);
      if (n < 0 || (long) n * itemBytes > fileSize - pos) {
        throw new NetcdfFormatException("bad header: " + what + " claims " + Integer.toUnsignedLong(n) + " items, more than the file holds");
      }
      return n;
    }

    /** {@code ABSENT} (two zeros) or {@code tag nelems}; returns nelems. */
    int listHeader(int tag, String what) throws IOException {
      int t = int32(what);
      int n = int32(what);
      if (t == 0 && n == 0) return 0;
      if (t != tag) throw new NetcdfFormatException("bad header: " + what + " has tag " + t + ", expected " + tag);
      if (n < 0 || n > fileSize - pos) throw new NetcdfFormatException("bad header: " + what + " claims " + Integer.toUnsignedLong(n) + " items");
      return n;
    }

    String name() throws IOException {
      int n = count("name length", 1);
      byte[] b = bytes(n, "name");
      skipPadding(n);
      return new String(b, StandardCharsets.UTF_8);
    }

    void skipPadding(long n) throws IOException {
      int pad = (int) (pad4(n) - n);
      if (pad > 0) bytes(pad, "padding");
    }
  }
}
