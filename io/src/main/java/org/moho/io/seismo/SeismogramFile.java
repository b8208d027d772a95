package org.moho.io.seismo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads one seismogram file into its decoded units. A gzip file is unwrapped first (whatever its
 * name). With {@link SeismoFormat#AUTO} the format is sniffed from the content: an ASCII
 * {@code TIMESERIES} header, a SAC header version, a miniSEED record header on a 64-byte boundary
 * in the first 64 KiB, or a table whose first row starts with an ISO time, in that order. A file
 * that cannot be read or recognised is one error unit at offset 0.
 */
final class SeismogramFile {
  private static final int SNIFF_BYTES = 1 << 16;

  private SeismogramFile() {}

  static FileContents read(Path file, SeismoFormat format) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      if (isGzip(bytes)) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = in.readAllBytes();
        }
      }
    } catch (IOException e) {
      return FileContents.failed(0, "cannot read the file: " + e.getMessage());
    }
    return decode(bytes, format, file.getFileName().toString());
  }

  static FileContents decode(byte[] bytes, SeismoFormat format, String fileName) {
    SeismoFormat f = format == SeismoFormat.AUTO ? sniff(bytes) : format;
    if (f == null) {
      return FileContents.failed(0, bytes.length == 0 ? "empty file"
          : "unrecognised format: not miniSEED, SAC, ASCII TIMESERIES or a time-value table");
    }
    return finiteOnly(switch (f) {
      case MSEED -> MiniSeedScanner.scan(bytes);
      case SAC -> SacDecoder.decode(bytes);
      case SLIST, TSPAIR -> AsciiTimeSeriesDecoder.decode(new String(bytes, StandardCharsets.UTF_8));
      case TEXT -> WaveformTableDecoder.decode(new String(bytes, StandardCharsets.UTF_8), fileName);
      case AUTO -> throw new IllegalStateException("sniff never answers AUTO");
    });
  }

  /**
   * A unit holding a NaN or infinite sample (a float SAC or miniSEED record can) becomes an error
   * unit: downstream filters, windows and normalisation would otherwise turn it silently into
   * NaN features.
   */
  static FileContents finiteOnly(FileContents c) {
    java.util.List<Segment> ok = new java.util.ArrayList<>();
    java.util.List<DecodeError> errors = new java.util.ArrayList<>(c.errors());
    for (Segment s : c.segments()) {
      int bad = 0;
      int first = -1;
      for (int i = 0; i < s.samples().length; i++) {
        if (!Double.isFinite(s.samples()[i])) {
          bad++;
          if (first < 0) first = i;
        }
      }
      if (bad == 0) {
        ok.add(s);
      } else {
        errors.add(new DecodeError(s.offset(), s.id() + ": " + bad + " of " + s.samples().length
            + " samples are NaN or infinite (the first at sample " + first + ")"));
      }
    }
    return errors.size() == c.errors().size() ? c : new FileContents(ok, errors);
  }

  /** The format the bytes are in, or null if none of the known ones. */
  static SeismoFormat sniff(byte[] b) {
    if (startsWith(b, AsciiTimeSeriesDecoder.MAGIC)) {
      int eol = 0;
      while (eol < b.length && b[eol] != '\n') eol++;
      String header = new String(b, 0, eol, StandardCharsets.UTF_8);
      return header.contains(", TSPAIR,") ? SeismoFormat.TSPAIR : SeismoFormat.SLIST;
    }
    if (SacDecoder.looksLikeSac(b)) return SeismoFormat.SAC;
    int limit = Math.min(b.length, SNIFF_BYTES);
    for (int p = 0; p + MiniSeedScanner.HEADER <= limit; p += MiniSeedScanner.STEP) {
      if (MiniSeedScanner.isHeader(b, p)) return SeismoFormat.MSEED;
    }
    String head = new String(b, 0, Math.min(b.length, SNIFF_BYTES), StandardCharsets.UTF_8);
    if (WaveformTableDecoder.looksLikeTable(head)) return SeismoFormat.TEXT;
    return null;
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static boolean startsWith(byte[] b, String ascii) {
    if (b.length < ascii.length()) return false;
    for (int i = 0; i < ascii.length(); i++) {
      if (b[i] != ascii.charAt(i)) return false;
    }
    return true;
  }
}
