package org.moho.io.grid;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the CF/COARDS grid convention needs of a netCDF file, for both storage formats: netCDF-3
 * classic ({@link ClassicNetcdfAccess}) and netCDF-4/HDF5 ({@link Hdf5NetcdfAccess}). Attribute
 * values are a {@code String} (text) or a {@code double[]} (numbers).
 */
interface NetcdfAccess extends Closeable {
  List<String> variables();

  int[] shape(String variable);

  /** The names of the variable's dimensions, outermost first (the coordinate variables' names). */
  List<String> dimensions(String variable) throws IOException;

  Map<String, Object> globalAttributes();

  Map<String, Object> attributes(String variable);

  /** A hyperslab of stored (raw) values, row-major, as a primitive array of the stored type. */
  Object read(String variable, int[] start, int[] count) throws IOException;
}
