package org.moho.io.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  /** Reads one file line by line ({@link TableLines}); memory holds only the rows sampled for type inference. */
  static final class ReadFn extends DoFn<String, Row> {
    private final String stage;
    private final TableLines.Settings config;
    private final Counter lines;

    ReadFn(String stage, TableReadConfig config) {
      this.stage = stage;
      this.config = new TableLines.Settings(config.delimiter(), Map.copyOf(config.types()), List.copyOf(config.missing()),
          config.comment(), List.copyOf(config.columns()), config.inferRows());
      this.lines = Metrics.counter(stage, "in");
    }

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out) {
      Path path = Path.of(file);
      String name = path.getFileName().toString();
      TableLines.Sink sink = new TableLines.Sink() {
        @Override
        public void row(Row row) {
          out.get(StageOutputs.<Row>main()).output(row);
        }

        @Override
        public void error(ErrorRecord error) {
          out.get(StageOutputs.ERRORS).output(error);
        }

        @Override
        public void line() {
          lines.inc();
        }
      };
      try (InputStream raw = Files.newInputStream(path);
          BufferedReader r = new BufferedReader(new InputStreamReader(
              name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8), 1 << 16)) {
        TableLines.read(r, name, stage, config, sink);
      } catch (IOException | java.io.UncheckedIOException e) {
        out.get(StageOutputs.ERRORS).output(new ErrorRecord(stage, name, "cannot read file: " + e.getMessage(), null));
      }
    }
  }
}
