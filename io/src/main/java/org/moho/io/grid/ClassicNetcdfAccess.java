package org.moho.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moho.io.netcdf.ClassicNetcdfReader;
import org.moho.io.netcdf.NcAttribute;
import org.moho.io.netcdf.NcDimension;
import org.moho.io.netcdf.NcVariable;

/** netCDF-3 classic files through {@link ClassicNetcdfReader}. */
final class ClassicNetcdfAccess implements NetcdfAccess {
  private final ClassicNetcdfReader reader;

  ClassicNetcdfAccess(Path path) throws IOException {
    this.reader = ClassicNetcdfReader.open(path);
  }

  private NcVariable variable(String name) {
    return reader.variable(name).orElseThrow(() -> new IllegalArgumentException("no variable " + name));
  }

  @Override
  public List<String> variables() {
    return reader.variables().stream().map(NcVariable::name).toList();
  }

  @Override
  public int[] shape(String name) {
    long[] s = reader.shape(variable(name));
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) out[i] = (int) Math.min(s[i], Integer.MAX_VALUE);
    return out;
  }

  @Override
  public List<String> dimensions(String name) {
    return variable(name).dimensions().stream().map(NcDimension::name).toList();
  }

  @Override
  public Map<String, Object> globalAttributes() {
    return convert(reader.globalAttributes());
  }

  @Override
  public Map<String, Object> attributes(String name) {
    return convert(variable(name).attributes());
  }

  private static Map<String, Object> convert(List<NcAttribute> atts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (NcAttribute a : atts) out.put(a.name(), a.isText() ? a.text() : a.asDoubles());
    return out;
  }

  @Override
  public Object read(String name, int[] start, int[] count) throws IOException {
    long[] s = new long[start.length];
    for (int i = 0; i < s.length; i++) s[i] = start[i];
    return reader.read(variable(name), s, count);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
