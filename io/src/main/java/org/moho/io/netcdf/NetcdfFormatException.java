package org.moho.io.netcdf;

import java.io.IOException;

/** The bytes are not a readable netCDF classic file: wrong magic, a truncated header or data. */
public final class NetcdfFormatException extends IOException {
  public NetcdfFormatException(String message) {
    super(message);
  }
}
