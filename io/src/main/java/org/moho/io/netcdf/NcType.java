package org.moho.io.netcdf;

/**
 * The external data types of the netCDF classic format, with their codes and sizes as given by
 * the NetCDF Classic Format Specification (the {@code nc_type} production:
 * https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html). The CDF-5
 * types (unsigned and 64-bit integers) are not part of CDF-1/CDF-2 and are not supported.
 */
public enum NcType {
  BYTE(1, 1),
  CHAR(2, 1),
  SHORT(3, 2),
  INT(4, 4),
  FLOAT(5, 4),
  DOUBLE(6, 8);

  private final int code;
  private final int size;

  NcType(int code, int size) {
    this.code = code;
    this.size = size;
  }

  /** The {@code nc_type} code written in the file. */
  public int code() {
    return code;
  }

  /** Bytes per value. */
  public int size() {
    return size;
  }

  public static NcType ofCode(int code) throws NetcdfFormatException {
    for (NcType t : values()) {
      if (t.code == code) return t;
    }
    throw new NetcdfFormatException("unknown nc_type " + code + " (CDF-5 types are not supported)");
  }

  /**
   * The default fill value of the type (the spec's {@code FILL_*} constants), used by writers for
   * data never written; readers do not treat it as missing unless {@code _FillValue} says so.
   */
  public double defaultFill() {
    return switch (this) {
      case BYTE -> -127;
      case CHAR -> 0;
      case SHORT -> -32767;
      case INT -> -2147483647;
      case FLOAT -> 9.9692099683868690e+36f;
      case DOUBLE -> 9.9692099683868690e+36;
    };
  }
}
