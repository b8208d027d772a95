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

  /**
   * The sample rates a segment may have: 1e-9 to 1e9 Hz (one sample in 32 years to one per
   * nanosecond). Outside them the trace arithmetic loses meaning: an infinite rate (SLIST "inf sps",
   * a miniSEED blockette 100 holding +Inf) gave a zero period and a sample count of Long.MIN_VALUE
   * in {@link TraceAssembler} (found by SlistFuzzTest and MiniSeedFuzzTest).
   *
   * @return why the rate is refused, or null when it is usable
   */
  static String implausibleRate(double rate) {
    if (Double.isNaN(rate) || rate <= 0) return "sample rate " + rate + " Hz is not positive";
    if (rate < MIN_RATE || rate > MAX_RATE) return "sample rate " + rate + " Hz is outside " + MIN_RATE + " to " + MAX_RATE + " Hz";
    return null;
  }

  static final double MIN_RATE = 1e-9;
  static final double MAX_RATE = 1e9;

  String id() {
    return network + "." + station + "." + location + "." + channel;
  }

  /** Sample period in microseconds (not rounded: 40 Hz and 3 Hz both stay exact enough). */
  double periodMicros() {
    return 1e6 / sampleRate;
  }
}
