package org.moho.pipelines.table;

import java.util.List;
import java.util.Map;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** Settings of {@code table.select}. */
public record TableSelectConfig(
    @Doc("keep rows for which this holds, e.g. \"T > 1000 and sio2 >= 50\"; empty keeps all") @Default("''") String where,
    @Doc("columns to keep, in this order (after renaming); empty keeps all") @Default("[]") List<String> keep,
    @Doc("columns to rename: {old: new}") @Default("{}") Map<String, String> rename) implements java.io.Serializable {

  public TableSelectConfig {
    if (!where.isBlank()) {
      try {
        RowFilter.parse(where);
      } catch (RowFilter.SyntaxError e) {
        throw new ConfigException("where", "is not a valid condition: " + e.getMessage());
      }
    }
  }

  RowFilter filter() {
    return where.isBlank() ? null : RowFilter.parse(where);
  }
}
