package org.moho.io.seismo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Waveform;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/**
 * {@code seismo.read}: reads seismograms (miniSEED 2, SAC, ASCII SLIST/TSPAIR, time-value tables)
 * from a file, a folder or a glob into continuous {@link Waveform}s, one per channel and
 * uninterrupted stretch of data.
 *
 * <pre>{@code
 * - id: raw
 *   use: seismo.read
 *   with: {path: data/seismograms/*.mseed, gaps: split}
 * }</pre>
 *
 * <p>Guarantees: each file is read by one worker, whole; records of one channel are merged in time
 * order under the {@code gaps} policy. Every unit read (miniSEED record, SAC file, ASCII block,
 * table column) is counted in {@code in} and ends either in a trace (counted in
 * {@code records.used}) or as an error record keyed {@code file:offset}, so
 * {@code in = records.used + errors}. Gaps and overlaps found are counted ({@code gaps},
 * {@code overlaps}) under every policy. A path that matches no file is one error. Nothing throws
 * for bad data. Output order is not defined.
 */
public final class SeismoRead implements StageType<SeismoReadConfig> {
  @Override
  public String description() {
    return "Reads seismograms (miniSEED 2 with Steim-1/Steim-2/integer/float records, SAC binary in either byte order, "
        + "ObsPy ASCII SLIST/TSPAIR, gzipped or not, and time-value tables such as GMT's waveform files) from a file, "
        + "a folder or a glob; the format is sniffed from each file's content. Records of one channel are merged into "
        + "continuous Waveforms; gaps and overlaps (more than half a sample) are counted and split the trace, are "
        + "filled (zeros or interpolation) or reject the channel. miniSEED start times apply blockette 1001 and any "
        + "time correction not flagged as applied. Undecodable records (truncated, noise, 0 samples) go to the errors "
        + "output with file:offset and the rest of the file still decodes; in = records.used + errors.";
  }

  @Override
  public Class<SeismoReadConfig> configType() {
    return SeismoReadConfig.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of();
  }

  @Override
  public Class<?> output() {
    return Waveform.class;
  }

  @Override
  public String example() {
    return """
        - id: raw
          use: seismo.read
          with: {path: data/seismograms/*.mseed, format: auto, gaps: split}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(SeismoReadConfig config, StageContext ctx) {
    return new ReadSeismograms(ctx.stageId(), config.path(), config.format(), config.gaps());
  }

  /** The composite: expand the path, spread the files, decode and merge each file. */
  static final class ReadSeismograms extends PTransform<StageInputs, PCollectionTuple> {
    private final String stageId;
    private final String path;
    private final SeismoFormat format;
    private final GapPolicy gaps;

    ReadSeismograms(String stageId, Path path, SeismoFormat format, GapPolicy gaps) {
      this.stageId = stageId;
      this.path = path.toString();
      this.format = format;
      this.gaps = gaps;
    }

    @Override
    public PCollectionTuple expand(StageInputs input) {
      PCollectionTuple matched = input.getPipeline()
          .apply("Path", Create.of(path).withCoder(StringUtf8Coder.of()))
          .apply("Match", ParDo.of(new MatchFiles(stageId))
              .withOutputTags(StageOutputs.<String>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<String> files = matched.get(StageOutputs.<String>main()).setCoder(StringUtf8Coder.of());
      PCollectionTuple read = files
          .apply("Spread", Reshuffle.viaRandomKey())
          .apply("Decode", ParDo.of(new DecodeFile(stageId, format, gaps))
              .withOutputTags(StageOutputs.<Waveform>main(), TupleTagList.of(StageOutputs.ERRORS)));
      PCollection<Waveform> traces = read.get(StageOutputs.<Waveform>main());
      traces.setCoder(WithErrors.coder(traces, Waveform.class));
      PCollection<ErrorRecord> errors = PCollectionList.of(matched.get(StageOutputs.ERRORS))
          .and(read.get(StageOutputs.ERRORS))
          .apply("Errors", Flatten.pCollections());
      return StageOutputs.of(traces, errors);
    }
  }

  /** Path → the files it names; none is an error record. */
  static final class MatchFiles extends DoFn<String, String> {
    private final String stageId;
    private final Counter in;

    MatchFiles(String stageId) {
      this.stageId = stageId;
      this.in = Metrics.counter(stageId, "in");
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) {
      List<Path> files;
      try {
        files = SeismoPaths.expand(path);
      } catch (IOException | RuntimeException e) {
        in.inc();
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, path, "cannot list the path: " + e.getMessage()));
        return;
      }
      if (files.isEmpty()) {
        in.inc();
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, path, "path matches no file"));
      }
      for (Path f : files) out.get(StageOutputs.<String>main()).output(f.toString());
    }
  }

  /** One file → its traces and its error records, with the stage's counters. */
  static final class DecodeFile extends DoFn<String, Waveform> {
    private final String stageId;
    private final SeismoFormat format;
    private final GapPolicy gaps;
    private final Counter in;
    private final Counter used;
    private final Counter gapCount;
    private final Counter overlapCount;
    private final Counter fileCount;

    DecodeFile(String stageId, SeismoFormat format, GapPolicy gaps) {
      this.stageId = stageId;
      this.format = format;
      this.gaps = gaps;
      this.in = Metrics.counter(stageId, "in");
      this.used = Metrics.counter(stageId, "records.used");
      this.gapCount = Metrics.counter(stageId, "gaps");
      this.overlapCount = Metrics.counter(stageId, "overlaps");
      this.fileCount = Metrics.counter(stageId, "files");
    }

    @ProcessElement
    public void process(@Element String file, MultiOutputReceiver out) {
      fileCount.inc();
      FileContents contents;
      TraceAssembler.Result r;
      try {
        contents = SeismogramFile.read(Path.of(file), format);
        r = TraceAssembler.assemble(contents.segments(), gaps, file);
      } catch (RuntimeException e) {
        // a decoder bug must not stop the run: the file becomes one error unit
        in.inc();
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, file + ":0",
            "unexpected " + e.getClass().getSimpleName() + " while reading: " + e.getMessage()));
        return;
      }
      in.inc(contents.units());
      for (DecodeError e : contents.errors()) {
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, file + ":" + e.offset(), e.reason()));
      }
      for (TraceAssembler.Rejected x : r.rejected()) {
        out.get(StageOutputs.ERRORS).output(ErrorRecord.of(stageId, file + ":" + x.segment().offset(), x.reason()));
      }
      used.inc(r.used());
      gapCount.inc(r.gaps());
      overlapCount.inc(r.overlaps());
      for (Waveform w : r.traces()) out.get(StageOutputs.<Waveform>main()).output(w);
    }
  }
}
