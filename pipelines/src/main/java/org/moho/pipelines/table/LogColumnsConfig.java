package org.moho.pipelines.table;

import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code table.log1p}. */
public record LogColumnsConfig(
    @Doc("numeric columns to transform; each gets a new column PREFIX + name") List<String> columns,
    @Doc("prefix of the new columns (the originals are kept)") @Default("log_") String prefix) implements java.io.Serializable {
  public LogColumnsConfig {
    ConfigException.check(columns != null && !columns.isEmpty(), "columns", "must name at least one column");
    ConfigException.check(prefix != null && !prefix.isEmpty(), "prefix", "must not be empty (the originals are kept)");
    columns = List.copyOf(columns);
  }
}
