package org.moho.io.seismo;

import edu.iris.dmc.seedcodec.CodecException;
import edu.sc.seis.seisFile.mseed.Blockette;
import edu.sc.seis.seisFile.mseed.Blockette100;
import edu.sc.seis.seisFile.mseed.Blockette1001;
import edu.sc.seis.seisFile.mseed.Btime;
import edu.sc.seis.seisFile.mseed.DataHeader;
import edu.sc.seis.seisFile.mseed.DataRecord;
import edu.sc.seis.seisFile.mseed.SeedFormatException;
import edu.sc.seis.seisFile.mseed.SeedRecord;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the miniSEED 2 data records of a file, one {@link Segment} per record, with seisFile
 * doing the header, blockette and Steim/integer/float decoding.
 *
 * <p>What seisFile does not do, and this class adds: it walks the file itself so that one bad
 * record does not end the file. At each position it checks for a plausible fixed header (the test
 * libmseed uses: sequence number, quality code, a valid BTIME); the record length comes from
 * blockette 1000, or, without one, from where the next header starts. Bytes that hold no header
 * are skipped to the next 64-byte boundary that does (records are 2^n bytes, n &ge; 7, so a
 * boundary of the smallest record is never missed) and reported as one error span. A record that
 * runs past the end of the file, cannot be decoded, or holds no samples is an error too; the scan
 * goes on after it.
 *
 * <p>Start times follow the SEED rules: BTIME, plus the microseconds of blockette 1001, plus the
 * header's time correction unless activity flag bit 1 says it is already applied.
 */
final class MiniSeedScanner {
  /** Resynchronisation step: half the smallest record length libmseed accepts (128). */
  static final int STEP = 64;
  static final int HEADER = 48;
  static final int MIN_RECORD = 128;
  static final int MAX_RECORD = 1 << 16;

  private MiniSeedScanner() {}

  static FileContents scan(byte[] b) {
    List<Segment> segments = new ArrayList<>();
    List<DecodeError> errors = new ArrayList<>();
    int pos = 0;
    while (pos < b.length) {
      if (!isHeader(b, pos)) {
        int next = nextHeader(b, pos + STEP);
        int end = next < 0 ? b.length : next;
        errors.add(new DecodeError(pos, next < 0
            ? "truncated or corrupt: the last " + (end - pos) + " bytes of the file hold no miniSEED record header"
            : (end - pos) + " bytes that are not a miniSEED data record (no valid record header)"));
        pos = end;
        continue;
      }
      int length = recordLength(b, pos);
      if (length < 0) {
        errors.add(new DecodeError(pos, "record length unknown: no blockette 1000 and no following record header"));
        int next = nextHeader(b, pos + STEP);
        pos = next < 0 ? b.length : next;
        continue;
      }
      if (pos + length > b.length) {
        errors.add(new DecodeError(pos, "truncated record: " + (b.length - pos) + " of " + length + " bytes in the file"));
        break;
      }
      try {
        segments.add(decode(b, pos, length));
      } catch (RecordError e) {
        errors.add(new DecodeError(pos, e.getMessage()));
      }
      pos += length;
    }
    return new FileContents(segments, errors);
  }

  /** The first offset at or after {@code from}, on a {@link #STEP} boundary, holding a record header; -1 if none. */
  static int nextHeader(byte[] b, int from) {
    for (int p = from; p + HEADER <= b.length; p += STEP) {
      if (isHeader(b, p)) return p;
    }
    return -1;
  }

  /** libmseed's MS_ISVALIDHEADER: digits (or blanks) for the sequence number, D/R/Q/M, a valid BTIME. */
  static boolean isHeader(byte[] b, int p) {
    if (p + HEADER > b.length) return false;
    for (int i = 0; i < 6; i++) {
      byte c = b[p + i];
      if (!((c >= '0' && c <= '9') || c == ' ' || c == 0)) return false;
    }
    byte q = b[p + 6];
    if (q != 'D' && q != 'R' && q != 'Q' && q != 'M') return false;
    if (b[p + 7] != ' ' && b[p + 7] != 0) return false;
    int hour = b[p + 24] & 0xff;
    int min = b[p + 25] & 0xff;
    int sec = b[p + 26] & 0xff;
    if (hour > 23 || min > 59 || sec > 60) return false;
    return validDate(u16(b, p + 20, true), u16(b, p + 22, true)) || validDate(u16(b, p + 20, false), u16(b, p + 22, false));
  }

  private static boolean validDate(int year, int jday) {
    return year >= 1900 && year <= 2100 && jday >= 1 && jday <= 366;
  }

  /** Whether the header's numbers are big-endian, judged (as libmseed does) by a plausible year. */
  static boolean bigEndian(byte[] b, int p) {
    return validDate(u16(b, p + 20, true), u16(b, p + 22, true));
  }

  /**
   * The record length: 2^n from blockette 1000, else the distance to the next record header at a
   * power-of-two offset (or to the end of the file); -1 when neither is found. Read here rather
   * than by seisFile because the length must be known before the record's bytes are handed over.
   */
  static int recordLength(byte[] b, int p) {
    boolean be = bigEndian(b, p);
    int count = b[p + 39] & 0xff;
    int off = u16(b, p + 46, be);
    for (int i = 0; i < count && off >= HEADER && p + off + 8 <= b.length; i++) {
      int type = u16(b, p + off, be);
      if (type == 1000) {
        int exp = b[p + off + 6] & 0xff;
        return exp >= 7 && exp <= 16 ? 1 << exp : -1;
      }
      int next = u16(b, p + off + 2, be);
      if (next <= off) break;
      off = next;
    }
    for (int len = MIN_RECORD; len <= MAX_RECORD; len <<= 1) {
      if (p + len == b.length || (p + len < b.length && isHeader(b, p + len))) return len;
    }
    return -1;
  }

  private static Segment decode(byte[] b, int pos, int length) throws RecordError {
    DataRecord rec;
    try {
      byte[] bytes = java.util.Arrays.copyOfRange(b, pos, pos + length);
      SeedRecord r = SeedRecord.read(new DataInputStream(new ByteArrayInputStream(bytes)), length);
      if (!(r instanceof DataRecord dr)) throw new RecordError("not a data record");
      rec = dr;
    } catch (SeedFormatException | IOException | RuntimeException e) {
      throw new RecordError("unreadable record header or blockettes: " + message(e));
    }
    DataHeader h = rec.getHeader();
    int n = h.getNumSamples();
    if (n == 0) throw new RecordError("record holds 0 samples");
    double rate = sampleRate(rec);
    if (!(rate > 0)) throw new RecordError("record has no sample rate (factor " + h.getSampleRateFactor()
        + ", multiplier " + h.getSampleRateMultiplier() + ")");
    String badRate = Segment.implausibleRate(rate);
    if (badRate != null) throw new RecordError("record's " + badRate);
    double[] samples;
    try {
      samples = rec.decompress().getAsDouble();
    } catch (SeedFormatException | CodecException | RuntimeException e) {
      throw new RecordError("cannot decode the samples: " + message(e));
    }
    if (samples.length != n) {
      throw new RecordError("decoded " + samples.length + " samples, the header says " + n);
    }
    return new Segment(h.getNetworkCode().trim(), h.getStationIdentifier().trim(), h.getLocationIdentifier().trim(),
        h.getChannelIdentifier().trim(), startMicros(rec), rate, samples, pos,
        Map.of("format", "mseed", "quality", String.valueOf(h.getTypeCode())));
  }

  /** Blockette 100's actual rate if present, else the nominal rate from factor and multiplier (SEED 2.4, ch. 8). */
  static double sampleRate(DataRecord rec) {
    Blockette[] b100 = rec.getBlockettes(100);
    if (b100.length > 0) return ((Blockette100) b100[0]).getActualSampleRate();
    int f = rec.getHeader().getSampleRateFactor();
    int m = rec.getHeader().getSampleRateMultiplier();
    if (f == 0 || m == 0) return 0;
    if (f > 0) return m > 0 ? (double) f * m : -(double) f / m;
    return m > 0 ? -(double) m / f : 1.0 / ((double) f * m);
  }

  static long startMicros(DataRecord rec) throws RecordError {
    DataHeader h = rec.getHeader();
    Btime t = h.getStartBtime();
    // The header check admits day 366 in any year (as libmseed's does); a record that claims it in a
    // common year is refused here rather than by LocalDate (found by the CI's MiniSeedFuzzTest run).
    if (t.getJDay() < 1 || t.getJDay() > java.time.Year.of(t.getYear()).length()) {
      throw new RecordError("invalid start time: day " + t.getJDay() + " of " + t.getYear()
          + (t.getJDay() == 366 ? " (not a leap year)" : ""));
    }
    long micros = LocalDate.ofYearDay(t.getYear(), t.getJDay()).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L
        + ((t.getHour() * 60L + t.getMin()) * 60L + t.getSec()) * 1_000_000L
        + t.getTenthMilli() * 100L;
    Blockette[] b1001 = rec.getBlockettes(1001);
    if (b1001.length > 0) micros += ((Blockette1001) b1001[0]).getMicrosecond();
    boolean correctionApplied = (h.getActivityFlags() & 0x02) != 0;
    if (!correctionApplied) micros += h.getTimeCorrection() * 100L;
    return micros;
  }

  private static int u16(byte[] b, int p, boolean bigEndian) {
    return bigEndian ? ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff) : ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  /** A record that cannot be decoded; the reason goes to the errors output. */
  private static final class RecordError extends Exception {
    RecordError(String reason) {
      super(reason, null, false, false);
    }
  }
}
