package org.moho.io.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;

/**
 * The parsing half of {@code table.read}: the lines of one file → typed rows and error records.
 * Every data line after the header is counted once ({@link Sink#line}) and ends as a row or an
 * error record; memory holds only the rows sampled for type inference. Apart from by Beam, this is
 * called by the table fuzz target, which is why it is separate from the DoFn.
 */
final class TableLines {
  private TableLines() {}

  /** Where rows, error records and the count of data lines go. */
  interface Sink {
    void row(Row row);

    void error(ErrorRecord error);

    void line();
  }

  /** The settings a worker needs (the config itself holds a Path, which does not serialise). */
  record Settings(String delimiter, Map<String, ColumnType> types, List<String> missing, String comment,
      List<String> columns, int inferRows) implements Serializable {}

  /** Reads every line of {@code r}; only I/O failures throw. */
  static void read(BufferedReader r, String name, String stage, Settings config, Sink sink) throws IOException {
    Set<String> missing = new HashSet<>(config.missing());
    List<String> header = config.columns().isEmpty() ? null : config.columns();
    char delim = config.delimiter().equals("auto") ? 0 : TableReadConfig.unescape(config.delimiter()).charAt(0);
    List<Object[]> sample = new ArrayList<>(); // {lineNo, fields}
    TableSchema schema = null;
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
      if (line.isBlank() || line.startsWith(config.comment())) continue;
      if (delim == 0) delim = sniff(line);
      if (header == null) {
        try {
          header = CsvLine.split(line, delim);
        } catch (IllegalArgumentException e) {
          // without its header no line can be read: the file is one counted error (found by TableReadFuzzTest)
          sink.line();
          sink.error(new ErrorRecord(stage, name + ":" + lineNo, "the header line: " + e.getMessage() + "; the file is not read", line));
          return;
        }
        continue;
      }
      sink.line();
      List<String> fields;
      try {
        fields = CsvLine.split(line, delim);
      } catch (IllegalArgumentException e) {
        sink.error(new ErrorRecord(stage, name + ":" + lineNo, e.getMessage(), line));
        continue;
      }
      if (schema == null) {
        sample.add(new Object[] {lineNo, fields, line});
        if (sample.size() < config.inferRows()) continue;
        schema = schema(config, header, sample, missing);
        for (Object[] s : sample) emit(schema, stage, name, (Integer) s[0], cast(s[1]), (String) s[2], missing, sink);
        sample.clear();
        continue;
      }
      emit(schema, stage, name, lineNo, fields, line, missing, sink);
    }
    if (schema == null && header != null) {
      schema = schema(config, header, sample, missing);
      for (Object[] s : sample) emit(schema, stage, name, (Integer) s[0], cast(s[1]), (String) s[2], missing, sink);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> cast(Object o) {
    return (List<String>) o;
  }

  private static TableSchema schema(Settings config, List<String> header, List<Object[]> sample, Set<String> missing) {
    List<List<String>> rows = new ArrayList<>();
    for (Object[] s : sample) rows.add(cast(s[1]));
    return TableSchema.infer(header, rows, config.types(), missing);
  }

  private static char sniff(String headerLine) {
    int commas = count(headerLine, ','), semis = count(headerLine, ';'), tabs = count(headerLine, '\t');
    if (commas >= semis && commas >= tabs && commas > 0) return ',';
    if (semis >= tabs && semis > 0) return ';';
    if (tabs > 0) return '\t';
    return ' ';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  private static void emit(TableSchema schema, String stage, String file, int lineNo, List<String> fields, String line, Set<String> missing,
      Sink out) {
    String key = file + ":" + lineNo;
    if (fields.size() != schema.names().size()) {
      out.error(new ErrorRecord(stage, key,
          "expected " + schema.names().size() + " fields, got " + fields.size(), line));
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int c = 0; c < fields.size(); c++) {
      String text = fields.get(c);
      String col = schema.names().get(c);
      if (missing.contains(text)) {
        values.put(col, null);
        continue;
      }
      ColumnType type = schema.types().get(c);
      try {
        values.put(col, type.parse(text));
      } catch (IllegalArgumentException e) {
        out.error(new ErrorRecord(stage, key,
            "column '" + col + "' holds '" + text + "', which is not " + article(type), line));
        return;
      }
    }
    out.row(new Row(key, values));
  }

  private static String article(ColumnType t) {
    return switch (t) {
      case FLOAT -> "a number";
      case INT -> "an integer";
      case BOOL -> "true or false";
      case STRING -> "text";
    };
  }
}
