package org.moho.io.netcdf;

/** A named dimension; the record (unlimited) dimension has length 0 in the header. */
public record NcDimension(String name, long length, boolean unlimited) {}
