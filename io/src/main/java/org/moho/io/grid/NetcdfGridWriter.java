package org.moho.io.grid;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.moho.core.data.Registration;
import org.moho.io.netcdf.ClassicNetcdfWriter;
import org.moho.io.netcdf.NcAttribute;
import org.moho.io.netcdf.NcDimension;
import org.moho.io.netcdf.NcType;

/**
 * Writes a grid as a CF/COARDS netCDF-3 classic file laid out as GMT writes its own ("nf"
 * format), so that {@code gmt grdinfo} and {@code gmt grdimage} read it: coordinate variables
 * {@code lon(lon)} (degrees_east) and {@code lat(lat)} (degrees_north), south→north, each with an
 * {@code actual_range} of the region's bounds (cell edges for pixel registration); a float
 * variable {@code z(lat, lon)} with {@code units}, {@code _FillValue} NaN and {@code actual_range};
 * and the global {@code node_offset = 1} for pixel registration.
 *
 * <p>The source is read twice (once for the z range, which the header needs, then for the values),
 * {@code bandRows} rows at a time: memory is one band, whatever the grid's size.
 */
public final class NetcdfGridWriter {
  private NetcdfGridWriter() {}

  public static void write(GridFile source, OutputStream sink, String title, int bandRows) throws IOException {
    GridHeader h = source.header();
    double[] range = zRange(source, bandRows);
    ClassicNetcdfWriter w = new ClassicNetcdfWriter();
    NcDimension lon = w.addDimension("lon", h.nx());
    NcDimension lat = w.addDimension("lat", h.ny());
    w.addGlobalAttribute(NcAttribute.text("Conventions", "CF-1.7"));
    w.addGlobalAttribute(NcAttribute.text("title", title));
    w.addGlobalAttribute(NcAttribute.text("history", "written by Moho grid.write"));
    if (h.registration() == Registration.PIXEL) w.addGlobalAttribute(NcAttribute.ints("node_offset", 1));
    w.addVariable("lon", NcType.DOUBLE, List.of(lon), List.of(
        NcAttribute.text("long_name", "longitude"), NcAttribute.text("units", "degrees_east"),
        NcAttribute.doubles("actual_range", h.west(), h.east())));
    w.addVariable("lat", NcType.DOUBLE, List.of(lat), List.of(
        NcAttribute.text("long_name", "latitude"), NcAttribute.text("units", "degrees_north"),
        NcAttribute.doubles("actual_range", h.south(), h.north())));
    List<NcAttribute> z = new ArrayList<>();
    z.add(NcAttribute.text("long_name", "z"));
    if (!h.units().isEmpty()) z.add(NcAttribute.text("units", h.units()));
    z.add(NcAttribute.floats("_FillValue", Float.NaN));
    z.add(NcAttribute.doubles("actual_range", range[0], range[1]));
    w.addVariable("z", NcType.FLOAT, List.of(lat, lon), z);

    OutputStream out = new BufferedOutputStream(sink, 1 << 16);
    ClassicNetcdfWriter.Data data = w.start(out);
    double[] xs = new double[h.nx()];
    for (int i = 0; i < xs.length; i++) xs[i] = h.x(i);
    data.write("lon", xs);
    double[] ys = new double[h.ny()];
    for (int j = 0; j < ys.length; j++) ys[j] = h.y(j);
    data.write("lat", ys);
    for (int r = 0; r < h.ny(); r += bandRows) {
      data.write("z", source.readRows(r, Math.min(bandRows, h.ny() - r)));
    }
    data.finish();
    out.flush();
  }

  /** [min, max] of the non-NaN values ([NaN, NaN] when there are none), band by band. */
  static double[] zRange(GridFile source, int bandRows) throws IOException {
    GridHeader h = source.header();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < h.ny(); r += bandRows) {
      for (float v : source.readRows(r, Math.min(bandRows, h.ny() - r))) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
  }
}
