package org.moho.pipelines.qc;

import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;
import org.moho.core.stage.RecordException;

/**
 * The QC stages take windows (FeatureVectors from seismo.windows) or whole Waveforms: their key,
 * samples and metadata, read the same way for both.
 */
final class QcRecords {
  private QcRecords() {}

  /** The key seismo.windows would give: {@code NET.STA.LOC.CHA@<ISO start>}, or the vector's key. */
  static String key(Object record) {
    if (record instanceof FeatureVector v) return v.key();
    if (record instanceof Waveform w) return w.id() + "@" + w.start();
    return String.valueOf(record);
  }

  static double[] samples(Object record) throws RecordException {
    if (record instanceof Waveform w) return w.samples();
    if (record instanceof FeatureVector v) {
      double[] x = new double[v.values().length];
      for (int i = 0; i < x.length; i++) x[i] = v.values()[i];
      return x;
    }
    throw new RecordException("takes Waveform or FeatureVector, got " + (record == null ? "null" : record.getClass().getSimpleName()));
  }

  /** A vector's metadata, or a waveform's identity, times and attributes. */
  static Map<String, String> metadata(Object record) {
    Map<String, String> m = new TreeMap<>();
    if (record instanceof FeatureVector v) m.putAll(v.metadata());
    if (record instanceof Waveform w) {
      m.putAll(w.attributes());
      m.putAll(Map.of("network", w.network(), "station", w.station(), "location", w.location(),
          "channel", w.channel(), "start", w.start().toString(), "sample_rate", Double.toString(w.sampleRate())));
    }
    return m;
  }

  /** The first non-finite sample as an error, so that no metric or damage is computed on NaN. */
  static void requireFinite(double[] x) throws RecordException {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) throw new RecordException("sample " + i + " is " + x[i] + " (not finite)");
    }
  }
}
