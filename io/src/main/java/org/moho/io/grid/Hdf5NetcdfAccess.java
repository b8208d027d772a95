package org.moho.io.grid;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * netCDF-4 files through jhdf (pure-Java HDF5). netCDF-4 keeps each variable as an HDF5 dataset
 * in the root group and each dimension as a 1-D "dimension scale" dataset of the same name; a
 * variable's dimensions are found here by length and by the usual coordinate names, which is
 * what GMT, CDO and xarray write.
 */
final class Hdf5NetcdfAccess implements NetcdfAccess {
  private static final Set<String> X_NAMES = Set.of("x", "lon", "longitude", "long", "easting");
  private static final Set<String> Y_NAMES = Set.of("y", "lat", "latitude", "northing");

  private final HdfFile file;
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();

  Hdf5NetcdfAccess(Path path) throws IOException {
    try {
      this.file = new HdfFile(path);
      for (Node n : file) {
        if (n instanceof Dataset d) datasets.put(n.getName(), d);
      }
    } catch (RuntimeException e) {
      throw new IOException("cannot read netCDF-4/HDF5: " + e.getMessage(), e);
    }
  }

  private Dataset dataset(String name) {
    Dataset d = datasets.get(name);
    if (d == null) throw new IllegalArgumentException("no variable " + name);
    return d;
  }

  @Override
  public List<String> variables() {
    return List.copyOf(datasets.keySet());
  }

  @Override
  public int[] shape(String name) {
    return dataset(name).getDimensions();
  }

  @Override
  public List<String> dimensions(String name) throws IOException {
    int[] shape = shape(name);
    List<String> dims = new ArrayList<>();
    for (int i = 0; i < shape.length; i++) {
      Set<String> preferred = shape.length >= 2 && i == shape.length - 1 ? X_NAMES
          : shape.length >= 2 && i == shape.length - 2 ? Y_NAMES : Set.of();
      String found = null;
      for (Map.Entry<String, Dataset> e : datasets.entrySet()) {
        int[] s = e.getValue().getDimensions();
        if (s.length == 1 && s[0] == shape[i] && preferred.contains(e.getKey().toLowerCase(Locale.ROOT))) found = e.getKey();
      }
      if (found == null) {
        for (Map.Entry<String, Dataset> e : datasets.entrySet()) {
          int[] s = e.getValue().getDimensions();
          Object cls = attributes(e.getKey()).get("CLASS");
          if (found == null && s.length == 1 && s[0] == shape[i] && "DIMENSION_SCALE".equals(cls) && !dims.contains(e.getKey())) {
            found = e.getKey();
          }
        }
      }
      if (found == null) throw new IOException("no coordinate variable of length " + shape[i] + " for dimension " + i + " of " + name);
      dims.add(found);
    }
    return dims;
  }

  @Override
  public Map<String, Object> globalAttributes() {
    return convert(file.getAttributes());
  }

  @Override
  public Map<String, Object> attributes(String name) {
    return convert(dataset(name).getAttributes());
  }

  private static Map<String, Object> convert(Map<String, Attribute> atts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Attribute> e : atts.entrySet()) {
      Object v;
      try {
        v = e.getValue().getData();
      } catch (RuntimeException unreadable) {
        continue; // references and other HDF5-only attributes the grid convention never uses
      }
      if (v instanceof String s) out.put(e.getKey(), s);
      else if (v instanceof Number n) out.put(e.getKey(), new double[] {n.doubleValue()});
      else if (v != null && v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()) {
        out.put(e.getKey(), toDoubles(v));
      } else if (v instanceof String[] ss && ss.length == 1) out.put(e.getKey(), ss[0]);
    }
    return out;
  }

  private static double[] toDoubles(Object a) {
    int n = Array.getLength(a);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = ((Number) Array.get(a, i)).doubleValue();
    return d;
  }

  @Override
  public Object read(String name, int[] start, int[] count) throws IOException {
    Dataset d = dataset(name);
    long[] offset = new long[start.length];
    for (int i = 0; i < start.length; i++) offset[i] = start[i];
    long total = 1;
    for (int c : count) total *= c;
    Class<?> type = d.getJavaType();
    Object flat = Array.newInstance(type, (int) total);
    if (total == 0) return flat;
    Object data;
    try {
      data = d.getData(offset, count);
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
    }
    flatten(data, flat, new int[] {0});
    return flat;
  }

  private static void flatten(Object nested, Object flat, int[] at) {
    Class<?> c = nested.getClass().getComponentType();
    int n = Array.getLength(nested);
    if (c.isPrimitive()) {
      System.arraycopy(nested, 0, flat, at[0], n);
      at[0] += n;
    } else {
      for (int i = 0; i < n; i++) flatten(Array.get(nested, i), flat, at);
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
