package org.moho.pipelines.seismo;

import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.splittabledofn.OffsetRangeTracker;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Waveform;

/**
 * Cuts one waveform into its fixed-length windows, as a splittable DoFn whose restriction is the
 * range of window indices {@code [0, count)}.
 *
 * <p>Why splittable: one long trace fans out into very many windows (a day at 1 Hz with a
 * one-sample step is 86,334 of them). A plain DoFn emits all the windows of its input bundle into
 * one output bundle, and the DirectRunner keeps each bundle, and every committed bundle its
 * consumers have not taken yet, in memory: a million windows did not fit in 512 MB. The runner
 * processes each element of a splittable DoFn on its own and may checkpoint it (the DirectRunner
 * does so after 10,000 outputs or 10 s, then resumes the rest of the range after the bundles queued
 * meanwhile), so an output bundle holds at most 10,000 windows and the windows in flight number
 * about 10,000 per trace being cut, not the whole collection. The windows are the same either way.
 *
 * <p>Every waveform given here must yield at least one window: the stage counts short traces and
 * rejects unusable rates before this step.
 */
final class WindowCutter extends DoFn<Waveform, FeatureVector> {
  private final WindowsConfig config;

  WindowCutter(WindowsConfig config) {
    this.config = config;
  }

  @GetInitialRestriction
  public OffsetRange windows(@Element Waveform w) {
    return new OffsetRange(0, FixedWindows.count(w.length(), config.lengthSamples(w.sampleRate()), config.stepSamples(w.sampleRate())));
  }

  @GetRestrictionCoder
  public Coder<OffsetRange> restrictionCoder() {
    return OffsetRange.Coder.of();
  }

  @NewTracker
  public OffsetRangeTracker tracker(@Restriction OffsetRange range) {
    return new OffsetRangeTracker(range);
  }

  @ProcessElement
  public void process(@Element Waveform w, RestrictionTracker<OffsetRange, Long> tracker, OutputReceiver<FeatureVector> out) {
    int length = config.lengthSamples(w.sampleRate());
    int step = config.stepSamples(w.sampleRate());
    for (long i = tracker.currentRestriction().getFrom(); tracker.tryClaim(i); i++) {
      out.output(window(w, (int) i, length, step));
    }
  }

  /** Window {@code i} of a trace as a feature vector: its samples as floats and the trace's metadata. */
  static FeatureVector window(Waveform w, int i, int length, int step) {
    double[] x = FixedWindows.window(w.samples(), i, length, step);
    float[] values = new float[length];
    for (int j = 0; j < length; j++) values[j] = (float) x[j];
    Instant start = w.timeOf((long) i * step);
    return new FeatureVector(WaveformKeys.key(w, start), values, Map.of(
        "network", w.network(), "station", w.station(), "location", w.location(), "channel", w.channel(),
        "start", start.toString(), "sample_rate", Double.toString(w.sampleRate())));
  }
}
