package org.moho.io.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.moho.core.data.Row;
import org.moho.core.data.Waveform;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;
import org.moho.core.stage.Port;
import org.moho.core.stage.RecordException;
import org.moho.core.stage.RecordFn;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.core.stage.StageType;
import org.moho.core.stage.WithErrors;

/** {@code plot.waveform}: one PNG per waveform, drawn by {@link WaveformFigure}. */
public final class PlotWaveform implements StageType<PlotWaveform.Config> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The {@code with:} block of {@code plot.waveform}. */
  public record Config(
      @Doc("folder for the PNGs, one per waveform named NET.STA.LOC.CHA_yyyymmddThhmmssZ.png") Path folder,
      @Doc("amplitude units for the y axis (raw data are digitizer counts)") @Default("counts") String units,
      @Doc("figure width in pixels") @Default("1600") int width,
      @Doc("figure height in pixels") @Default("1000") int height,
      @Doc("resolution recorded in the PNG, dots per inch") @Default("300") int dpi) {
    public Config {
      FigureSize.check(width, height, dpi);
    }
  }

  @Override
  public String description() {
    return "Draws each waveform as a PNG: amplitude against UTC time, titled NET.STA.LOC.CHA with the start time and "
        + "sampling rate. Traces longer than the plot is wide are drawn as their per-pixel minimum/maximum envelope, "
        + "so no spike is lost. One file per waveform, written atomically; a waveform with fewer than 2 samples or a "
        + "non-finite sample goes to the errors output. Emits a Row (path, width, height, samples) per figure.";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.of("waveforms", Waveform.class));
  }

  @Override
  public Class<?> output() {
    return Row.class;
  }

  @Override
  public String example() {
    return """
        - id: traces
          use: plot.waveform
          from: seismograms
          with: {folder: "${out}/waveforms"}
        """;
  }

  @Override
  public PTransform<StageInputs, PCollectionTuple> create(Config config, StageContext ctx) {
    Draw draw = new Draw(config.folder().toString(), config.units(), config.width(), config.height(), config.dpi());
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(StageInputs inputs) {
        PCollection<Waveform> waveforms = inputs.get(0);
        return waveforms.apply("Draw", WithErrors.of(ctx.stageId(), Row.class, draw));
      }
    };
  }

  /** The PNG's file name for a waveform. */
  static String fileName(Waveform w) {
    return w.id() + "_" + STAMP.format(w.start()) + ".png";
  }

  private record Draw(String folder, String units, int width, int height, int dpi) implements RecordFn<Waveform, Row> {
    @Override
    public void apply(Waveform w, Consumer<Row> out) throws RecordException {
      if (w.length() < 2) throw new RecordException("a waveform needs at least 2 samples to draw, got " + w.length());
      for (int i = 0; i < w.length(); i++) {
        if (!Double.isFinite(w.samples()[i])) {
          throw new RecordException("sample " + i + " is " + w.samples()[i] + " (at " + w.timeOf(i) + ")");
        }
      }
      Path target = Path.of(folder).resolve(fileName(w));
      try {
        PngFiles.write(target, WaveformFigure.draw(w, width, height, units), dpi);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("path", target.toString());
      values.put("width", (long) width);
      values.put("height", (long) height);
      values.put("samples", (long) w.length());
      out.accept(new Row(target.toString(), values));
    }

    @Override
    public String keyOf(Waveform w) {
      return w.id() + "@" + w.start();
    }
  }
}
