package org.moho.io.table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** Settings of {@code table.read}. */
public record TableReadConfig(
    @Doc("a file, or a glob such as data/*.csv (gzip when the name ends in .gz)") Path path,
    @Doc("column delimiter: ',', ';', '\\t', or ' ' for runs of whitespace; auto picks from the header line")
        @Default("auto") String delimiter,
    @Doc("column types that override inference, e.g. {T: float, Name: string}") @Default("{}") Map<String, ColumnType> types,
    @Doc("texts that mean a missing value") @Default("['', NA, NaN, nan, 'null', N/A]") List<String> missing,
    @Doc("lines starting with this text are comments") @Default("'#'") String comment,
    @Doc("column names, for a file without a header line") @Default("[]") List<String> columns,
    @Doc("how many rows are sampled to infer column types") @Default("1000") int inferRows) {

  public TableReadConfig {
    ConfigException.check(delimiter.equals("auto") || unescape(delimiter).length() == 1, "delimiter",
        "must be one character (',', ';', '\\t', ' ') or auto, got '" + delimiter + "'");
    ConfigException.check(inferRows > 0, "infer_rows", "must be > 0, got " + inferRows);
    ConfigException.check(!comment.isEmpty(), "comment", "must not be empty");
  }

  static String unescape(String d) {
    return d.equals("\\t") || d.equals("tab") ? "\t" : d;
  }
}
