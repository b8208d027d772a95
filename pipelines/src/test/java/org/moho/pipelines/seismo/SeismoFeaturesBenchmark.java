package org.moho.pipelines.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.iris.dmc.seedcodec.DecompressedData;
import edu.sc.seis.seisFile.mseed.Btime;
import edu.sc.seis.seisFile.mseed.DataHeader;
import edu.sc.seis.seisFile.mseed.DataRecord;
import edu.sc.seis.seisFile.mseed.SeedRecord;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.StageInputs;
import org.moho.core.stage.StageContext;
import org.moho.core.stage.StageOutputs;

/**
 * A measurement, not part of the suite (its name matches none of surefire's default patterns):
 * CPU time of demean + detrend + taper + band-pass + windows + spectrum on the real one-day 1 Hz
 * trace CH.BALST..LHE (86,343 samples), per million samples. Run it with
 * {@code mvn -B -o -q -pl pipelines -am test -Dtest=SeismoFeaturesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the lines it prints.
 */
class SeismoFeaturesBenchmark {
  private static final List<PreprocessStep> STEPS = List.of(
      step(PreprocessStep.Op.DEMEAN, null), step(PreprocessStep.Op.DETREND, null),
      new PreprocessStep(PreprocessStep.Op.TAPER, 0.05, 4, null, true, null, PreprocessStep.ResampleMethod.FFT,
          PreprocessStep.CutReference.START, null, null),
      step(PreprocessStep.Op.BANDPASS, List.of(0.01, 0.1)));
  private static final Spectrum.Settings SPECTRUM =
      new Spectrum.Settings(Spectrum.Kind.POWER, 0.01, 0.5, 15, Spectrum.Spacing.LOG, 1, true);

  private static PreprocessStep step(PreprocessStep.Op op, List<Double> corners) {
    return new PreprocessStep(op, 0.05, 4, corners, true, null, PreprocessStep.ResampleMethod.FFT,
        PreprocessStep.CutReference.START, null, null);
  }

  /** The whole day decoded with seisFile: Steim2 records in order, samples concatenated. */
  static Waveform balst() throws Exception {
    List<int[]> parts = new ArrayList<>();
    int total = 0;
    DataHeader first = null;
    try (InputStream file = Files.newInputStream(Fixtures.seismogram("CH.BALST..LHE.D.2025.314"));
        DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
      while (true) {
        SeedRecord r;
        try {
          r = SeedRecord.read(in);
        } catch (EOFException e) {
          break;
        }
        if (!(r instanceof DataRecord dr)) continue;
        if (first == null) first = dr.getHeader();
        DecompressedData d = dr.decompress();
        int[] s = d.getAsInt();
        parts.add(s);
        total += s.length;
      }
    }
    double[] x = new double[total];
    int k = 0;
    for (int[] s : parts) for (int v : s) x[k++] = v;
    Btime b = first.getStartBtime();
    Instant start = LocalDate.ofYearDay(b.year, b.jday).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plusSeconds(b.hour * 3600L + b.min * 60L + b.sec).plusNanos(b.tenthMilli * 100_000L);
    return new Waveform("CH", "BALST", "", "LHE", start, 1.0, x, "CH.BALST..LHE.D.2025.314", Map.of());
  }

  /** One pass of the feature chain without Beam; returns the number of windows. */
  private static int chain(Preprocessor pre, Waveform w) {
    Waveform p = pre.apply(w);
    int count = FixedWindows.count(p.length(), 600, 300);
    for (int i = 0; i < count; i++) {
      Spectrum.features(FixedWindows.window(p.samples(), i, 600, 300), 1.0, SPECTRUM);
    }
    return count;
  }

  @Test
  void measure() throws Exception {
    Waveform w = balst();
    assertEquals(86_343, w.length());
    assertEquals("2025-11-10T00:02:53Z", w.start().toString().substring(0, 19) + "Z");
    // Process CPU (all threads: JTransforms may fork its own for long FFTs; GC and JIT count too)
    com.sun.management.OperatingSystemMXBean bean =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Preprocessor pre = new Preprocessor(STEPS);
    for (int i = 0; i < 10; i++) chain(pre, w); // warm-up (JIT)
    int reps = 100;
    long cpu0 = bean.getProcessCpuTime();
    long wall0 = System.nanoTime();
    int windows = 0;
    for (int i = 0; i < reps; i++) windows = chain(pre, w);
    double cpuMs = (bean.getProcessCpuTime() - cpu0) / 1e6 / reps;
    double wallMs = (System.nanoTime() - wall0) / 1e6 / reps;
    assertEquals((86_343 - 600) / 300 + 1, windows);
    System.out.printf("BENCH chain (demean, detrend, taper 5%%, zero-phase 4th-order Butterworth 0.01-0.1 Hz, "
        + "600 s windows every 300 s, 15 log power bins) on %d samples: %.2f ms CPU per trace, %.2f ms CPU "
        + "per million samples (wall %.2f ms per trace), %d windows%n",
        w.length(), cpuMs, cpuMs * 1e6 / w.length(), wallMs, windows);

    // Each part alone, to see where the time goes.
    part(bean, "demean+detrend+taper", w, x -> CosineTaper.apply(Detrend.linear(Detrend.demean(x)), 0.05));
    double[][] sos = ButterworthDesign.bandpass(4, 0.01, 0.1, 1.0);
    part(bean, "sosfiltfilt bandpass order 4", w, x -> SosFilter.filtfilt(sos, x));
    part(bean, "cosine-bandpass (FFT of 86343)", w, x -> FrequencyBandpass.apply(x, 1.0, 0.001, 0.002, 0.0067, 0.0074));
    part(bean, "windows+spectra", w, x -> {
      for (int i = 0; i < FixedWindows.count(x.length, 600, 300); i++) {
        Spectrum.features(FixedWindows.window(x, i, 600, 300), 1.0, SPECTRUM);
      }
      return x;
    });

    // The same chain as three Beam stages on the DirectRunner (includes Beam's overhead).
    long beamCpu0 = bean.getProcessCpuTime();
    long beamWall0 = System.nanoTime();
    Pipeline p = StageHarness.pipeline();
    PCollection<Waveform> in = StageHarness.create(p, Waveform.class, w);
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    PCollectionTuple pre2 = Pipeline.applyTransform("pre", StageInputs.of(in),
        new SeismoPreprocess().create(new PreprocessConfig(STEPS), new StageContext("pre", tmp, tmp, false)));
    PCollectionTuple win = Pipeline.applyTransform("win", StageInputs.of(StageOutputs.<Waveform>main(pre2)),
        new SeismoWindows().create(new WindowsConfig(600, 300.0, WindowsConfig.Unit.SECONDS), new StageContext("win", tmp, tmp, false)));
    PCollectionTuple spec = Pipeline.applyTransform("spec", StageInputs.of(StageOutputs.<FeatureVector>main(win)),
        new SeismoSpectrum().create(new SpectrumConfig(Spectrum.Kind.POWER, 0.01, 0.5, 15, Spectrum.Spacing.LOG, 1, true),
            new StageContext("spec", tmp, tmp, false)));
    PAssert.that(StageOutputs.<FeatureVector>main(spec)).satisfies(vs -> {
      int n = 0;
      for (FeatureVector v : vs) n++;
      assertEquals((86_343 - 600) / 300 + 1, n);
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    double beamCpuMs = (bean.getProcessCpuTime() - beamCpu0) / 1e6;
    System.out.printf("BENCH load average %.1f on %d cores%n", bean.getSystemLoadAverage(), bean.getAvailableProcessors());
    System.out.printf("BENCH Beam DirectRunner, 3 stages, one run incl. pipeline start: %.0f ms wall, %.0f ms process CPU%n",
        (System.nanoTime() - beamWall0) / 1e6, beamCpuMs);
  }

  private static void part(com.sun.management.OperatingSystemMXBean bean, String name, Waveform w,
      java.util.function.UnaryOperator<double[]> op) {
    for (int i = 0; i < 10; i++) op.apply(w.samples());
    // the process CPU clock ticks in 10 ms steps here, so run long enough for that not to matter
    int reps = 100;
    long cpu0 = bean.getProcessCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < reps; i++) op.apply(w.samples());
    double ms = (bean.getProcessCpuTime() - cpu0) / 1e6 / reps;
    double wall = (System.nanoTime() - wall0) / 1e6 / reps;
    System.out.printf("BENCH   %-32s %.2f ms CPU per trace (%.2f ms wall), %.1f ms CPU per million samples%n",
        name, ms, wall, ms * 1e6 / w.length());
  }
}
