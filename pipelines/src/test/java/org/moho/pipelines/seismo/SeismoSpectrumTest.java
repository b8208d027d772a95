package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageOutputs;

/** seismo.spectrum on real traces, fed both Waveforms and windows (FeatureVectors). */
class SeismoSpectrumTest {
  @Test
  void fifteenNormalisedPowerBinsOfWaveformsAndWindows() {
    Waveform crlz = Fixtures.waveform("CRLZ.HHZ.10.NZ.SAC");
    float[] window = new float[4096];
    for (int i = 0; i < window.length; i++) window[i] = (float) crlz.samples()[i];
    FeatureVector v = new FeatureVector("NZ.CRLZ.10.HHZ@w0", window, Map.of("sample_rate", "100.0", "station", "CRLZ"));
    SpectrumConfig config = StageHarness.bind(SpectrumConfig.class, "{fmin: 0.5, fmax: 20}");
    Spectrum.Settings settings = config.settings();
    double[] fromWaveform = Spectrum.features(crlz.samples(), 100, settings);
    double[] x = new double[4096];
    for (int i = 0; i < x.length; i++) x[i] = window[i];
    double[] fromWindow = Spectrum.features(x, 100, settings);

    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoSpectrum(), config,
        StageHarness.create(p, Serializable.class, crlz, v));
    PAssert.that(StageOutputs.<FeatureVector>main(out)).satisfies(vs -> {
      int seen = 0;
      for (FeatureVector f : vs) {
        seen++;
        assertEquals(15, f.values().length);
        double sum = 0;
        for (float b : f.values()) sum += b;
        assertEquals(1.0, sum, 1e-5);
        double[] expected = f.key().endsWith("@w0") ? fromWindow : fromWaveform;
        for (int i = 0; i < 15; i++) assertEquals(expected[i], f.values()[i], 1e-6 * expected[i]);
        // log edges: 0.5 * 40^(i/15) Hz
        assertEquals("0.500000,0.639402", f.metadata().get("bin_edges_hz").substring(0, 17));
        assertEquals("power", f.metadata().get("spectrum"));
        if (f.key().endsWith("@w0")) assertEquals("CRLZ", f.metadata().get("station"));
        else assertEquals("NZ.CRLZ.10.HHZ@2009-09-04T15:06:40.007Z", f.key());
      }
      assertEquals(2, seen);
      return null;
    });
    StageHarness.assertContains(StageOutputs.errors(out));
    p.run().waitUntilFinish();
  }

  @Test
  void errorsForNyquistMissingRateDeadAndWrongType() {
    Waveform tly = Fixtures.waveform("II.TLY.BHZ.SAC"); // 20 Hz: Nyquist 10 Hz
    FeatureVector noRate = new FeatureVector("k1", new float[] {1, 2, 3, 4}, Map.of());
    FeatureVector dead = new FeatureVector("k2", new float[64], Map.of("sample_rate", "100"));
    Pipeline p = StageHarness.pipeline();
    PCollectionTuple out = StageHarness.apply(new SeismoSpectrum(),
        StageHarness.bind(SpectrumConfig.class, "{fmin: 1, fmax: 15, bins: 4, spacing: linear}"),
        StageHarness.create(p, Serializable.class, tly, noRate, dead, "not a record"));
    StageHarness.assertContains(StageOutputs.<FeatureVector>main(out));
    StageHarness.assertContains(StageOutputs.errors(out),
        new ErrorRecord("stage", "II.TLY.00.BHZ@" + tly.start(), "fmax 15.0 Hz is above the Nyquist frequency 10.0 Hz", null),
        new ErrorRecord("stage", "k1", "feature vector has no sample_rate metadata (make it with seismo.windows)", null),
        new ErrorRecord("stage", "k2", "dead: no energy in 1.0-15.0 Hz, cannot normalise", null),
        new ErrorRecord("stage", "not a record", "seismo.spectrum takes Waveform or FeatureVector, got String", null));
    p.run().waitUntilFinish();
  }
}
