package org.moho.io.table;

/** Output formats of {@code table.write}; {@code auto} picks by the file's extension. */
public enum TableFormat {
  AUTO,
  CSV,
  JSONL,
  PARQUET;

  public TableFormat resolve(String fileName) {
    if (this != AUTO) return this;
    String f = fileName.toLowerCase(java.util.Locale.ROOT);
    if (f.endsWith(".parquet") || f.endsWith(".pq")) return PARQUET;
    return f.endsWith(".jsonl") || f.endsWith(".ndjson") || f.endsWith(".json") ? JSONL : CSV;
  }
}
