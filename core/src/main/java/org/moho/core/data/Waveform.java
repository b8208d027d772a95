package org.moho.core.data;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A continuous seismogram of one channel. {@code start} is the time of the first sample
 * (microsecond precision); samples are evenly spaced at {@code sampleRate} Hz. {@code attributes}
 * carries format-specific header values (e.g. SAC's {@code evla}, {@code o}, {@code a}) as text.
 */
@DefaultCoder(SerializableCoder.class)
public record Waveform(
    String network,
    String station,
    String location,
    String channel,
    Instant start,
    double sampleRate,
    double[] samples,
    String source,
    Map<String, String> attributes)
    implements Serializable {

  public Waveform {
    if (!(sampleRate > 0)) {
      throw new IllegalArgumentException("sample rate must be > 0, got " + sampleRate);
    }
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** NET.STA.LOC.CHA, the SEED identifier. */
  public String id() {
    return network + "." + station + "." + location + "." + channel;
  }

  public int length() {
    return samples.length;
  }

  public Duration samplePeriod() {
    return Duration.ofNanos(Math.round(1e9 / sampleRate));
  }

  /** Time of sample {@code i}, rounded to the microsecond. */
  public Instant timeOf(long i) {
    return start.plusNanos(Math.round(i * 1e6 / sampleRate) * 1000L);
  }

  public Instant end() {
    return timeOf(samples.length - 1L);
  }

  public Waveform withSamples(Instant newStart, double newRate, double[] newSamples) {
    return new Waveform(network, station, location, channel, newStart, newRate, newSamples, source, attributes);
  }

  public Waveform withSamples(double[] newSamples) {
    return withSamples(start, sampleRate, newSamples);
  }
}
