package org.moho.io.table;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.files.AtomicFiles;
import org.moho.core.stage.Gather;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code table.write}: rows to one CSV, JSON Lines or Parquet file, written atomically. */
public final class TableWrite implements StageType<TableWriteConfig> {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

  @Override
  public String description() {
    return "Writes rows to one CSV (RFC 4180, header line, missing values empty), JSON Lines (missing values null) or "
        + "Parquet file (uncompressed; one nullable column per table column: long, double, boolean or string; missing values "
        + "null). "
        + "The file appears atomically (written under a temporary name, then renamed), so a reader never sees half a "
        + "table. Rows are sorted by key by default so that the order is the same on every runner. Outputs one row "
        + "describing the file (path, rows).";
  }

  @Override
  public Class<TableWriteConfig> configType() {
    return TableWriteConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.many("rows", Row.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: save
          use: table.write
          from: hot
          with: {path: "${out}/hot_melts.csv"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(TableWriteConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollection<Row> rows = in.get(0);
        PCollection<Row> written = rows
            .apply("OneFile", WithKeys.<String, Row>of(config.path().toString()).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), WithErrors.coder(rows, Row.class)))
            .apply("Gather", Gather.byKey())
            .apply("Write", ParDo.of(new WriteFn(config)))
            .setCoder(WithErrors.coder(rows, Row.class));
        PCollection<ErrorRecord> none = in.getPipeline().apply("NoErrors", Create.empty(WithErrors.coder(rows, ErrorRecord.class)));
        return StageOutputs.of(written, none);
      }
    };
  }

  static final class WriteFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final TableFormat format;
    private final List<String> columns;
    private final boolean sort;

    WriteFn(TableWriteConfig config) {
      this.format = config.format();
      this.columns = List.copyOf(config.columns());
      this.sort = config.sort();
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> group, OutputReceiver<Row> out) throws IOException {
      Path path = Path.of(group.getKey());
      Iterable<Row> rows = group.getValue();
      if (sort) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        list.sort(Comparator.comparing(Row::key, TableWrite::naturalCompare));
        rows = list;
      }
      List<String> columns;
      if (this.columns.isEmpty()) {
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : rows) seen.addAll(r.values().keySet());
        columns = new ArrayList<>(seen);
      } else {
        columns = this.columns;
      }
      TableFormat format = this.format.resolve(path.getFileName().toString());
      long[] n = {0};
      Iterable<Row> toWrite = rows;
      AtomicFiles.write(path, os -> {
        if (format == TableFormat.PARQUET) {
          n[0] = ParquetTableWriter.write(os, AvroTableSchema.of(columns, toWrite), toWrite);
          return;
        }
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        if (format == TableFormat.CSV) {
          w.write(String.join(",", columns.stream().map(CsvLine::quote).toList()));
          w.write('\n');
        }
        for (Row r : toWrite) {
          if (format == TableFormat.CSV) {
            for (int i = 0; i < columns.size(); i++) {
              if (i > 0) w.write(',');
              w.write(CsvLine.quote(text(r.get(columns.get(i)))));
            }
          } else {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String c : columns) m.put(c, r.get(c));
            w.write(GSON.toJson(m));
          }
          w.write('\n');
          n[0]++;
        }
        w.flush();
      });
      Map<String, Object> desc = new LinkedHashMap<>();
      desc.put("path", path.toString());
      desc.put("rows", n[0]);
      out.output(new Row(path.toString(), desc));
    }
  }

  /** A value as CSV text: numbers without float noise, missing as empty. */
  static String text(Object v) {
    if (v == null) return "";
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) return d.isNaN() ? "" : d.toString();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return BigDecimal.valueOf(d).setScale(1).toPlainString();
      return Double.toString(d).contains("E") ? d.toString() : BigDecimal.valueOf(d).toPlainString();
    }
    return v.toString();
  }

  /** Orders keys like {@code file:line} with the line numbers compared as numbers. */
  static int naturalCompare(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i), cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i, sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        // the runs without their leading zeros (a run of zeros keeps one), compared by length,
        // then digit by digit; in place, since a sort makes this comparison ~n·log n times
        while (si < i - 1 && a.charAt(si) == '0') si++;
        while (sj < j - 1 && b.charAt(sj) == '0') sj++;
        if (i - si != j - sj) return Integer.compare(i - si, j - sj);
        for (; si < i; si++, sj++) {
          if (a.charAt(si) != b.charAt(sj)) return Character.compare(a.charAt(si), b.charAt(sj));
        }
      } else {
        if (ca != cb) return Character.compare(ca, cb);
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
