package org.moho.io.seismo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.moho.core.data.Waveform;

/**
 * Merges the segments of one file into continuous traces, per channel (NET.STA.LOC.CHA and sample
 * rate). Segments are taken in time order; a segment joins the trace when its first sample lies
 * within half a sample period of the time the trace predicts for its next sample. Otherwise it is
 * a gap (later) or an overlap (earlier), counted, and handled by the {@link GapPolicy}. When a
 * gap's length is not a whole number of samples, fill-zero and interpolate fill the nearest whole
 * number and keep the trace's own sample times. A gap longer than {@link #MAX_FILL} samples is
 * never filled: the trace splits there, so memory stays bounded by the data actually read.
 *
 * <p>Every segment ends either in a trace ({@link Result#used}) or, under {@code reject}, in
 * {@link Result#rejected} with the reason.
 */
final class TraceAssembler {
  /** The most samples one trace holds (a Java array); a gap too long to fill within it splits the trace. */
  static final int MAX_SAMPLES = Integer.MAX_VALUE - 8;

  /**
   * The longest gap fill-zero and interpolate fill (2^22 samples: 11.6 hours at 100 Hz, 32 MB);
   * a longer gap splits the trace as under {@code split}. Without it one record with a corrupt
   * start time (a year off) made the filler allocate gigabytes (found by MiniSeedFuzzTest).
   */
  static final long MAX_FILL = 1 << 22;

  private TraceAssembler() {}

  record Rejected(Segment segment, String reason) {}

  record Result(List<Waveform> traces, int used, List<Rejected> rejected, int gaps, int overlaps) {}

  static Result assemble(List<Segment> segments, GapPolicy policy, String source) {
    Map<String, List<Segment>> channels = new TreeMap<>();
    for (Segment s : segments) {
      channels.computeIfAbsent(s.id() + "@" + s.sampleRate(), k -> new ArrayList<>()).add(s);
    }
    List<Waveform> traces = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int used = 0;
    int gaps = 0;
    int overlaps = 0;
    for (List<Segment> channel : channels.values()) {
      channel.sort(Comparator.comparingLong(Segment::startMicros).thenComparingLong(Segment::offset));
      List<Builder> built = new ArrayList<>();
      Builder current = null;
      String firstBreak = null;
      for (Segment s : channel) {
        if (current == null) {
          current = new Builder(s);
          built.add(current);
          continue;
        }
        double period = s.periodMicros();
        double expected = current.start + current.length * period;
        double delta = s.startMicros() - expected;
        if (Math.abs(delta) <= period / 2) {
          current.append(s.samples(), 0);
          current.segments++;
          continue;
        }
        boolean gap = delta > 0;
        if (gap) gaps++;
        else overlaps++;
        if (firstBreak == null) {
          firstBreak = String.format(java.util.Locale.ROOT, "%s of %.6f s at %s", gap ? "a gap" : "an overlap",
              Math.abs(delta) / 1e6, Times.instant(Math.round(expected)));
        }
        long missing = Math.round(delta / period);
        boolean tooLong = gap && (missing > MAX_FILL || (double) current.length + missing + s.samples().length > MAX_SAMPLES);
        switch (tooLong ? GapPolicy.SPLIT : policy) {
          case SPLIT, REJECT -> {
            current = new Builder(s);
            built.add(current);
          }
          case FILL_ZERO, INTERPOLATE -> {
            if (gap) {
              current.fill(missing, s.samples()[0], policy == GapPolicy.INTERPOLATE);
              current.append(s.samples(), 0);
            } else {
              current.append(s.samples(), (int) Math.min(-missing, s.samples().length));
            }
            current.segments++;
          }
        }
      }
      if (policy == GapPolicy.REJECT && firstBreak != null) {
        String reason = channel.get(0).id() + " has " + firstBreak + " (gaps: reject)";
        for (Segment s : channel) rejected.add(new Rejected(s, reason));
        continue;
      }
      for (Builder b : built) {
        traces.add(b.waveform(source));
        used += b.segments;
      }
    }
    return new Result(traces, used, rejected, gaps, overlaps);
  }

  /** A growing trace. */
  private static final class Builder {
    final Segment first;
    final long start;
    double[] samples;
    int length;
    int segments;

    Builder(Segment s) {
      first = s;
      start = s.startMicros();
      samples = Arrays.copyOf(s.samples(), Math.max(16, s.samples().length * 2));
      length = s.samples().length;
      segments = 1;
    }

    void append(double[] values, int from) {
      if (from >= values.length) return;
      ensure(length + values.length - from);
      System.arraycopy(values, from, samples, length, values.length - from);
      length += values.length - from;
    }

    void fill(long count, double next, boolean interpolate) {
      ensure(length + count);
      double last = samples[length - 1];
      for (long k = 1; k <= count; k++) {
        samples[length++] = interpolate ? last + (next - last) * k / (count + 1) : 0.0;
      }
    }

    private void ensure(long size) {
      if (size > samples.length) samples = Arrays.copyOf(samples, (int) Math.max(size, Math.min(MAX_SAMPLES, samples.length * 2L)));
    }

    Waveform waveform(String source) {
      Map<String, String> attributes = new LinkedHashMap<>(first.attributes());
      attributes.put("records", Integer.toString(segments));
      return new Waveform(first.network(), first.station(), first.location(), first.channel(),
          Times.instant(start), first.sampleRate(), Arrays.copyOf(samples, length), source, attributes);
    }
  }
}
