package org.moho.io.netcdf;

import java.util.List;
import java.util.Optional;

/**
 * A variable as the header describes it: its dimensions (outermost first), attributes, type,
 * {@code vsize} (bytes of one record's worth, padded to 4) and {@code begin} (file offset of its
 * first value). A record variable's first dimension is the unlimited one; its values for record
 * {@code r} start at {@code begin + r * recordSize}.
 */
public record NcVariable(
    String name, List<NcDimension> dimensions, List<NcAttribute> attributes, NcType type, long vsize, long begin) {

  public NcVariable {
    dimensions = List.copyOf(dimensions);
    attributes = List.copyOf(attributes);
  }

  public boolean isRecordVariable() {
    return !dimensions.isEmpty() && dimensions.get(0).unlimited();
  }

  /** The shape, with the record dimension's length given by {@code numRecords}. */
  public long[] shape(long numRecords) {
    long[] s = new long[dimensions.size()];
    for (int i = 0; i < s.length; i++) {
      NcDimension d = dimensions.get(i);
      s[i] = d.unlimited() ? numRecords : d.length();
    }
    return s;
  }

  public Optional<NcAttribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
