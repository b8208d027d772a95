package org.moho.pipelines.qc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moho.core.data.Waveform;
import org.moho.io.seismo.BundledSeismograms;
import org.moho.io.seismo.GapPolicy;

/**
 * Real 512-sample windows of the bundled seismograms, read with the io module's decoders and cut
 * as seismo.windows cuts them (whole windows from the first sample, no overlap), as raw counts.
 */
final class RealWindows {
  static final int LENGTH = 512;

  /** Stations whose clean windows set the rule thresholds. */
  static final List<String> TUNING = List.of("CH.BALST..LHE.D.2025.314", "CRLZ.HHZ.10.NZ.SAC");

  /** Stations the AUC is measured on, never used for tuning. */
  static final List<String> EVALUATION = List.of("IU_ULN_00_LH1_2015-07-18T02.mseed", "II.TLY.BHZ.SAC",
      "19981216.BB12.BHZ.orig.SAC", "BW.UH1._.SHZ.D.2010.147.cut.slist.gz", "BW.UH2._.SHZ.D.2010.147.cut.slist.gz",
      "BW.UH3._.SHE.D.2010.147.cut.slist.gz", "BW.UH3._.SHN.D.2010.147.cut.slist.gz", "BW.UH3._.SHZ.D.2010.147.cut.slist.gz");

  private RealWindows() {}

  static Path seismogram(String name) {
    return Path.of(System.getProperty("moho.repo")).resolve("data/seismograms").resolve(name);
  }

  /** A window and where it came from (key as seismo.windows writes it). */
  record Window(String key, String file, double rate, double[] samples) {}

  static List<Waveform> traces(String file) {
    return BundledSeismograms.read(seismogram(file), GapPolicy.SPLIT);
  }

  static List<Window> windows(List<String> files) {
    return windows(files, LENGTH);
  }

  /** Windows starting every {@code step} samples (overlapping when step < {@link #LENGTH}). */
  static List<Window> windows(List<String> files, int step) {
    List<Window> out = new ArrayList<>();
    for (String f : files) {
      for (Waveform w : traces(f)) {
        for (int i = 0; i + LENGTH <= w.length(); i += step) {
          double[] x = java.util.Arrays.copyOfRange(w.samples(), i, i + LENGTH);
          out.add(new Window(w.id() + "@" + w.timeOf(i), f, w.sampleRate(), x));
        }
      }
    }
    return out;
  }
}
