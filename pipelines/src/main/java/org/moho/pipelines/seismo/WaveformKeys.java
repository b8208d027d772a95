package org.moho.pipelines.seismo;

import java.time.Instant;
import org.moho.core.data.Waveform;

/** Record keys of seismic features: {@code NET.STA.LOC.CHA@2025-11-10T00:02:53Z} (ISO-8601 instant). */
final class WaveformKeys {
  private WaveformKeys() {}

  static String key(Waveform w) {
    return key(w, w.start());
  }

  static String key(Waveform w, Instant start) {
    return w.id() + "@" + start;
  }
}
