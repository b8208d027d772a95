package org.moho.io.testdata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.moho.core.data.Waveform;

/**
 * A {@link Waveform} from a bundled little-endian SAC file, decoded from the SAC header layout
 * (632-byte header: delta at word 0, b at word 5, nzyear..nzmsec at words 70–75, npts at 79,
 * kstnm at byte 440, khole at 464, kcmpnm at 600, knetwk at 608; then float32 samples). Test-only.
 */
public final class SacTraces {
  private SacTraces() {}

  public static Path file(String name) {
    return Path.of(System.getProperty("moho.repo")).resolve("data/seismograms").resolve(name);
  }

  public static Waveform read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float delta = b.getFloat(0);
    float begin = b.getFloat(5 * 4);
    int year = b.getInt(70 * 4);
    int jday = b.getInt(71 * 4);
    int hour = b.getInt(72 * 4);
    int min = b.getInt(73 * 4);
    int sec = b.getInt(74 * 4);
    int msec = b.getInt(75 * 4);
    int npts = b.getInt(79 * 4);
    Instant reference = LocalDateTime.of(year, 1, 1, hour, min, sec).plusDays(jday - 1L)
        .plusNanos(msec * 1_000_000L).toInstant(ZoneOffset.UTC);
    Instant start = reference.plusNanos(Math.round(begin * 1e6) * 1000L);
    double[] samples = new double[npts];
    for (int i = 0; i < npts; i++) samples[i] = b.getFloat(632 + 4 * i);
    return new Waveform(text(b, 608), text(b, 440), text(b, 464), text(b, 600), start, Math.round(1e4 / delta) / 1e4, samples, // float delta 0.01 is 0.0099999998
        file.toString(), Map.of());
  }

  private static String text(ByteBuffer b, int offset) {
    byte[] k = new byte[8];
    b.get(offset, k);
    String s = new String(k, java.nio.charset.StandardCharsets.US_ASCII).trim();
    return s.equals("-12345") ? "" : s;
  }
}
