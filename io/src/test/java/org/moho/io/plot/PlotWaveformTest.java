package org.moho.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageOutputs;
import org.moho.io.testdata.SacTraces;

class PlotWaveformTest {
  private static Waveform crlz() throws IOException {
    return SacTraces.read(SacTraces.file("CRLZ.HHZ.10.NZ.SAC"));
  }

  @Test
  void theSacHeaderGivesTheTraceDataNoticeDescribes() throws IOException {
    Waveform w = crlz();
    // data/NOTICE.md: NZ.CRLZ.10.HHZ, 100 Hz, 32,768 samples, first sample 2009-09-04 15:06:40.007.
    assertEquals("NZ.CRLZ.10.HHZ", w.id());
    assertEquals(100.0, w.sampleRate());
    assertEquals(32768, w.length());
    assertEquals(Instant.parse("2009-09-04T15:06:40.007Z"), w.start());
  }

  @Test
  void drawsEachWaveformAndRejectsOneTooShortToDraw() throws IOException {
    Waveform w = crlz();
    Waveform single = w.withSamples(new double[] {1.0});
    Path folder = Pngs.folder().resolve("waveforms");
    Path png = folder.resolve("NZ.CRLZ.10.HHZ_20090904T150640Z.png");
    Files.deleteIfExists(png);

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    PCollection<Waveform> in = p.apply(Create.of(List.of(w, single)).withCoder(SerializableCoder.of(Waveform.class)));
    PCollectionTuple out = Pipeline.applyTransform("traces", StageInputs.of(in), new PlotWaveform().create(
        new PlotWaveform.Config(folder, "counts", 1600, 1000, 300), new StageContext("traces", folder, folder, false)));
    String name = png.toString();
    PAssert.that(StageOutputs.<Row>main(out)).satisfies(rows -> {
      List<Row> all = new ArrayList<>();
      rows.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals(name, all.get(0).get("path"));
      assertEquals(32768L, all.get(0).get("samples"));
      return null;
    });
    PAssert.that(StageOutputs.errors(out)).satisfies(errors -> {
      List<ErrorRecord> all = new ArrayList<>();
      errors.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("NZ.CRLZ.10.HHZ@2009-09-04T15:06:40.007Z", all.get(0).key());
      assertEquals("a waveform needs at least 2 samples to draw, got 1", all.get(0).reason());
      return null;
    });
    p.run().waitUntilFinish();
    Pngs.readChecked(png, 1600, 1000, 300);
  }

  @Test
  void theEnvelopeKeepsEveryExtremeInTimeOrder() throws IOException {
    Waveform w = crlz();
    List<Date> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    WaveformFigure.envelope(w, 1400, t, y);
    assertTrue(y.size() <= 2800 && y.size() > 1400, "two points per column at most: " + y.size());
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : w.samples()) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    assertEquals(max, y.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertEquals(min, y.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    for (int i = 1; i < t.size(); i++) assertTrue(!t.get(i).before(t.get(i - 1)), "time order at " + i);
    // The first point lies in the first column (samples 0..23 of 32768 over 1400 columns), the last in the last.
    assertTrue(!t.get(0).before(Date.from(w.start())) && t.get(0).before(Date.from(w.timeOf(32768 / 1400 + 1))));
    assertTrue(t.get(t.size() - 1).after(Date.from(w.timeOf(32768 - 32768 / 1400 - 2))));
    assertTrue(!t.get(t.size() - 1).after(Date.from(w.end())));
  }

  @Test
  void aShortTraceKeepsEverySample() throws IOException {
    Waveform w = crlz();
    Waveform shortTrace = w.withSamples(java.util.Arrays.copyOf(w.samples(), 500));
    List<Date> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    WaveformFigure.envelope(shortTrace, 1400, t, y);
    assertEquals(500, y.size());
    assertEquals(Date.from(w.timeOf(499)), t.get(499));
  }
}
