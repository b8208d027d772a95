package org.moho.io.table;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** Settings of {@code table.write}. */
public record TableWriteConfig(
    @Doc("the file to write, e.g. ${out}/rows.csv") Path path,
    @Doc("csv, jsonl, parquet, or auto (by the file's extension: .jsonl/.json → JSON Lines, .parquet/.pq → Parquet, else CSV)") @Default("auto") TableFormat format,
    @Doc("columns to write, in this order; empty = every column, in order of first appearance") @Default("[]") List<String> columns,
    @Doc("sort rows by their key (file:line) so that the output order does not depend on the runner") @Default("true") boolean sort) {}
