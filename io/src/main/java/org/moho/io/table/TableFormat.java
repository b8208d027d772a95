package org.moho.io.table;

/** Output formats of {@code table.write}; {@code auto} picks by the file's extension. */
public enum TableFormat {
  AUTO,
  CSV,
  JSONL;

  public TableFormat resolve(String fileName) {
    if (this != AUTO) return this;
    String f = fileName.toLowerCase(java.util.Locale.ROOT);
    return f.endsWith(".jsonl") || f.endsWith(".ndjson") || f.endsWith(".json") ? JSONL : CSV;
  }
}
