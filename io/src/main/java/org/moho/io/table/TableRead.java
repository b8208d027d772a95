package org.moho.io.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;
import org.moho.io.files.FileGlob;

/** {@code table.read}: delimited text tables into typed {@link Row}s. */
public final class TableRead implements StageType<TableReadConfig> {
  @Override
  public String description() {
    return "Reads delimited text tables (CSV, TSV, whitespace) with a header line into typed rows. Column types are "
        + "inferred from the first rows (int, float, string) unless declared; a unit in the header (`T (K)`, `T [K]`) is "
        + "split from the column name. Missing values become nulls. Comment lines and blank lines are skipped. A row with "
        + "the wrong number of fields or a value of the wrong type goes to the errors output with file:line; a file that "
        + "cannot be read goes there too. Every data line ends as a row or an error (counter `in` = data lines).";
  }

  @Override
  public Class<TableReadConfig> configType() {
    return TableReadConfig.class;
  }

  @Override
  public List<org.moho.core.stage.Port> inputs() {
    return List.of();
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: visc
          use: table.read
          with:
            path: data/glass/gpvisc_lp_viscosity_train.csv
            types: {Name: string}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(TableReadConfig config, StageContext ctx) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs in) {
        PCollectionTuple out = in.getPipeline()
            .apply("Pattern", Create.of(config.path().toString()).withCoder(StringUtf8Coder.of()))
            .apply("Match", ParDo.of(new FileGlob.MatchFn(ctx.stageId()))
                .withOutputTags(FileGlob.FILES, TupleTagList.of(StageOutputs.ERRORS)));
        PCollectionTuple rows = out.get(FileGlob.FILES)
            .apply("Spread", Reshuffle.viaRandomKey())
            .apply("Read", ParDo.of(new ReadFn(ctx.stageId(), config))
                .withOutputTags(StageOutputs.<Row>main(), TupleTagList.of(StageOutputs.ERRORS)));
        PCollection<Row> main = rows.get(StageOutputs.<Row>main()).setCoder(WithErrors.coder(in.getPipeline(), Row.class));
        return StageOutputs.of(main, FileGlob.flattenErrors(out.get(StageOutputs.ERRORS), rows.get(StageOutputs.ERRORS)));
      }
    };
  }

  /** Reads one file line by line; memory holds only the rows sampled for type inference. */
  static final class ReadFn extends DoFn<String, Row> {
    private final String stage;
    private final Settings config;
    private final Counter lines;

    ReadFn(String stage, TableReadConfig config) {
      this.stage = stage;
      this.config = new Settings(config.delimiter(), Map.copyOf(config.types()), List.copyOf(config.missing()),
          config.comment(), List.copyOf(config.columns()), config.inferRows());
      this.lines = Metrics.counter(stage, "in");
    }

    /** The settings a worker needs (the config itself holds a Path, which does not serialise). */
    private record Settings(String delimiter, Map<String, ColumnType> types, List<String> missing, String comment,
        List<String> columns, int inferRows) implements java.io.Serializable {}

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out) {
      Path path = Path.of(file);
      String name = path.getFileName().toString();
      Set<String> missing = new HashSet<>(config.missing());
      try (InputStream raw = Files.newInputStream(path);
          BufferedReader r = new BufferedReader(new InputStreamReader(
              name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8), 1 << 16)) {
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
            header = CsvLine.split(line, delim);
            continue;
          }
          lines.inc();
          List<String> fields;
          try {
            fields = CsvLine.split(line, delim);
          } catch (IllegalArgumentException e) {
            out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, name + ":" + lineNo, e.getMessage(), line));
            continue;
          }
          if (schema == null) {
            sample.add(new Object[] {lineNo, fields, line});
            if (sample.size() < config.inferRows()) continue;
            schema = schema(header, sample, missing);
            for (Object[] s : sample) emit(schema, name, (Integer) s[0], cast(s[1]), (String) s[2], missing, out);
            sample.clear();
            continue;
          }
          emit(schema, name, lineNo, fields, line, missing, out);
        }
        if (schema == null && header != null) {
          schema = schema(header, sample, missing);
          for (Object[] s : sample) emit(schema, name, (Integer) s[0], cast(s[1]), (String) s[2], missing, out);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, name, "cannot read file: " + e.getMessage(), null));
      }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
      return (List<String>) o;
    }

    private TableSchema schema(List<String> header, List<Object[]> sample, Set<String> missing) {
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

    private void emit(TableSchema schema, String file, int lineNo, List<String> fields, String line, Set<String> missing,
        MultiOutputReceiver out) {
      String key = file + ":" + lineNo;
      if (fields.size() != schema.names().size()) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, key,
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
          out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, key,
              "column '" + col + "' holds '" + text + "', which is not " + article(type), line));
          return;
        }
      }
      out.get(StageOutputs.<Row>main()).output(new Row(key, values));
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
}
