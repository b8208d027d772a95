package org.moho.io.seismo;

import java.util.Map;

/**
 * One decoded unit of a seismogram file (a miniSEED record, a SAC file, an ASCII block, a text
 * column): evenly spaced samples of one channel from {@code startMicros} (microseconds since the
 * epoch, UTC). {@code offset} locates the unit in its file (byte offset, or 0 for whole-file units).
 */
record Segment(
    String network,
    String station,
    String location,
    String channel,
    long startMicros,
    double sampleRate,
    double[] samples,
    long offset,
    Map<String, String> attributes) {

  String id() {
    return network + "." + station + "." + location + "." + channel;
  }

  /** Sample period in microseconds (not rounded: 40 Hz and 3 Hz both stay exact enough). */
  double periodMicros() {
    return 1e6 / sampleRate;
  }
}
