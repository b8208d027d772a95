package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.moho.core.data.Waveform;

/** miniSEED decoding and merging, against libmseed's reading (reference/mseed-traces.txt) and data/NOTICE.md. */
class MiniSeedScannerTest {
  private static final Map<String, Reference.MseedFile> LIBMSEED = Reference.mseed("mseed-traces.txt");

  record Read(FileContents contents, TraceAssembler.Result result) {
    List<Waveform> traces() {
      return result.traces();
    }
  }

  static Read read(String file, GapPolicy policy) throws IOException {
    return read(Files.readAllBytes(Reference.data(file)), policy);
  }

  static Read read(byte[] bytes, GapPolicy policy) {
    FileContents c = MiniSeedScanner.scan(bytes);
    return new Read(c, TraceAssembler.assemble(c.segments(), policy, "test"));
  }

  static Stream<Arguments> files() {
    return LIBMSEED.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("files")
  void tracesMatchLibmseedSampleForSample(String file) throws IOException {
    Read r = read(file, GapPolicy.SPLIT);
    List<Reference.Trace> expected = LIBMSEED.get(file).traces();
    List<Waveform> actual = r.traces();
    assertEquals(expected.size(), actual.size(), file + ": number of traces");
    for (int i = 0; i < expected.size(); i++) {
      Reference.Trace e = expected.get(i);
      Waveform w = actual.get(i);
      String at = file + " trace " + i + " " + e.id();
      assertEquals(e.id(), w.id(), at);
      assertEquals(Times.instant(e.startMicros()), w.start(), at + " start");
      assertEquals(Times.instant(e.endMicros()), w.end(), at + " end");
      assertEquals(e.rate(), w.sampleRate(), 1e-9, at + " rate");
      assertEquals(e.n(), w.length(), at + " samples");
      assertArrayEquals(e.first3(), Arrays.copyOf(w.samples(), 3), at + " first samples");
      assertEquals(e.last(), w.samples()[w.length() - 1], at + " last sample");
      assertEquals(e.sum(), Arrays.stream(w.samples()).sum(), 1e-6, at + " sum of samples");
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyRecordIsUsedOrAnError(String file) throws IOException {
    Read r = read(file, GapPolicy.SPLIT);
    assertEquals(r.contents().units(), r.result().used() + r.contents().errors().size() + r.result().rejected().size(), file);
    // every record libmseed decoded with samples is one we used, at the same offset
    Set<Long> ours = r.contents().segments().stream().map(Segment::offset).collect(Collectors.toCollection(TreeSet::new));
    Set<Long> theirs = LIBMSEED.get(file).records().stream().filter(x -> x.samples() > 0)
        .map(Reference.Record::offset).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(theirs, ours, file + ": offsets of the decoded records");
  }

  @Test
  void wholeDayOfSteim2IsOneTrace() throws IOException {
    Read r = read("CH.BALST..LHE.D.2025.314", GapPolicy.SPLIT);
    assertEquals(308, r.contents().units());
    assertEquals(308, r.result().used());
    assertEquals(1, r.traces().size());
    Waveform w = r.traces().get(0);
    assertEquals("CH.BALST..LHE", w.id());
    assertEquals(86_343, w.length());
    assertEquals(1.0, w.sampleRate());
    assertEquals(Instant.parse("2025-11-10T00:02:53.205Z"), w.start());
    assertEquals(-1134.0, w.samples()[0]);
    assertEquals(-1089.0, w.samples()[86_342]);
  }

  @Test
  void blockette1001MicrosecondsAreApplied() throws IOException {
    Read r = read("IU_ULN_00_LH1_2015-07-18T02.mseed", GapPolicy.SPLIT);
    Waveform w = r.traces().get(0);
    assertEquals("IU.ULN.00.LH1", w.id());
    assertEquals(10_800, w.length());
    assertEquals(Instant.parse("2015-07-18T02:27:33.069538Z"), w.start());
    assertEquals("M", w.attributes().get("quality"));
  }

  @Test
  void timeCorrectionNotFlaggedAsAppliedIsApplied() throws IOException {
    // BTIME 2008-01-01 00:00:00.065 with a -0.15 s correction not applied (NOTICE.md)
    Read r = read("BW.BGLD.__.EHE.D.2008.001.first_10_records", GapPolicy.SPLIT);
    assertEquals(10, r.result().used());
    assertEquals(1, r.traces().size());
    Waveform w = r.traces().get(0);
    assertEquals(4_120, w.length());
    assertEquals(200.0, w.sampleRate());
    assertEquals(Instant.parse("2007-12-31T23:59:59.915Z"), w.start());
  }

  @Test
  void timingQualityFileIsOneTrace() throws IOException {
    Read r = read("timingquality.mseed", GapPolicy.SPLIT);
    assertEquals(101, r.result().used());
    assertEquals(1, r.traces().size());
    assertEquals(41_604, r.traces().get(0).length());
  }

  @Test
  void gapsSplitTheTraceAndAreCounted() throws IOException {
    Read r = read("gaps.mseed", GapPolicy.SPLIT);
    assertEquals(128, r.result().used());
    assertEquals(3, r.result().gaps());
    assertEquals(0, r.result().overlaps());
    assertEquals(List.of(412, 824, 824, 50_668), r.traces().stream().map(Waveform::length).toList());
    assertEquals(52_728, r.traces().stream().mapToInt(Waveform::length).sum());
  }

  @Test
  void fillZeroGivesOneTraceOverTheWholeSpan() throws IOException {
    Read split = read("gaps.mseed", GapPolicy.SPLIT);
    Read r = read("gaps.mseed", GapPolicy.FILL_ZERO);
    assertEquals(3, r.result().gaps());
    assertEquals(1, r.traces().size());
    Waveform w = r.traces().get(0);
    Waveform first = split.traces().get(0);
    Waveform last = split.traces().get(3);
    assertEquals(first.start(), w.start());
    assertEquals(last.end(), w.end());
    // 2007-12-31T23:59:59.915 .. 2008-01-01T00:04:31.790 at 200 Hz: 271.875 s * 200 + 1
    assertEquals(54_376, w.length());
    // each piece sits at its own time, zeros between
    for (Waveform piece : split.traces()) {
      int at = (int) Math.round((Times.micros(piece.start()) - Times.micros(w.start())) / 5000.0);
      assertArrayEquals(piece.samples(), Arrays.copyOfRange(w.samples(), at, at + piece.length()), piece.start().toString());
    }
    int gapStart = split.traces().get(0).length();
    int gapEnd = (int) Math.round((Times.micros(split.traces().get(1).start()) - Times.micros(w.start())) / 5000.0);
    assertEquals(412, gapEnd - gapStart, "last sample 00:00:01.970, next 00:00:04.035: 412 samples missing at 200 Hz");
    for (int i = gapStart; i < gapEnd; i++) assertEquals(0.0, w.samples()[i]);
  }

  @Test
  void interpolateFillsGapsLinearly() throws IOException {
    Read split = read("gaps.mseed", GapPolicy.SPLIT);
    Read r = read("gaps.mseed", GapPolicy.INTERPOLATE);
    Waveform w = r.traces().get(0);
    assertEquals(54_376, w.length());
    int gapStart = split.traces().get(0).length();
    double before = w.samples()[gapStart - 1];
    double after = split.traces().get(1).samples()[0];
    int missing = 412;
    assertEquals(after, w.samples()[gapStart + missing]);
    for (int k = 1; k <= missing; k++) {
      assertEquals(before + (after - before) * k / (missing + 1), w.samples()[gapStart + k - 1], 1e-9);
    }
  }

  @Test
  void rejectSendsEveryRecordOfAGappyChannelToErrors() throws IOException {
    Read r = read("gaps.mseed", GapPolicy.REJECT);
    assertEquals(0, r.traces().size());
    assertEquals(128, r.result().rejected().size());
    assertTrue(r.result().rejected().get(0).reason().startsWith("BW.BGLD..EHE has a gap of 2.060000 s at 2008-01-01T00:00:01.975Z"),
        r.result().rejected().get(0).reason());
    Read clean = read("timingquality.mseed", GapPolicy.REJECT);
    assertEquals(1, clean.traces().size());
  }

  @Test
  void duplicatedRecordIsAnOverlap() throws IOException {
    // first_10_records followed by a second copy of its record 5 (offset 2048)
    byte[] day = Files.readAllBytes(Reference.data("BW.BGLD.__.EHE.D.2008.001.first_10_records"));
    byte[] bytes = Arrays.copyOf(day, day.length + 512);
    System.arraycopy(day, 2048, bytes, day.length, 512);
    Read split = read(bytes, GapPolicy.SPLIT);
    assertEquals(1, split.result().overlaps());
    assertEquals(0, split.result().gaps());
    assertEquals(2, split.traces().size());
    Read filled = read(bytes, GapPolicy.FILL_ZERO);
    assertEquals(1, filled.result().overlaps());
    assertEquals(11, filled.result().used());
    assertEquals(1, filled.traces().size());
    assertArrayEquals(read(day, GapPolicy.SPLIT).traces().get(0).samples(), filled.traces().get(0).samples(),
        "the overlapping copy adds nothing");
    Read rejected = read(bytes, GapPolicy.REJECT);
    assertEquals(11, rejected.result().rejected().size());
    assertTrue(rejected.result().rejected().get(0).reason().contains("has an overlap of 2.060000 s at 2008-01-01T00:00:10.215Z"),
        rejected.result().rejected().get(0).reason());
  }

  @Test
  void zeroSampleRecordIsAnErrorAndTheRealGapAroundItSplits() throws IOException {
    Read r = read("three_records_zero_data_in_middle.mseed", GapPolicy.SPLIT);
    assertEquals(3, r.contents().units());
    assertEquals(List.of(new DecodeError(512, "record holds 0 samples")), r.contents().errors());
    assertEquals(2, r.result().used());
    assertEquals(2, r.traces().size());
    assertEquals(1, r.result().gaps());
  }

  @Test
  void zeroSampleRecordDoesNotSplitContiguousData() throws IOException {
    // records 1 and 2 of first_10_records are contiguous; put a real record holding 0 samples between them
    byte[] day = Files.readAllBytes(Reference.data("BW.BGLD.__.EHE.D.2008.001.first_10_records"));
    byte[] empty = Arrays.copyOfRange(Files.readAllBytes(Reference.data("three_records_zero_data_in_middle.mseed")), 512, 1024);
    byte[] bytes = new byte[512 * 11];
    System.arraycopy(day, 0, bytes, 0, 512);
    System.arraycopy(empty, 0, bytes, 512, 512);
    System.arraycopy(day, 512, bytes, 1024, 512 * 9);
    Read r = read(bytes, GapPolicy.SPLIT);
    assertEquals(11, r.contents().units());
    assertEquals(List.of(new DecodeError(512, "record holds 0 samples")), r.contents().errors());
    assertEquals(1, r.traces().size());
    assertEquals(4_120, r.traces().get(0).length());
  }

  @Test
  void truncatedLastRecordIsAnErrorAtItsOffset() throws IOException {
    Read r = read("brokenlastrecord.mseed", GapPolicy.SPLIT);
    assertEquals(1, r.result().used());
    assertEquals(1, r.contents().errors().size());
    DecodeError e = r.contents().errors().get(0);
    assertEquals(4096, e.offset());
    assertTrue(e.reason().contains("2206 bytes"), e.reason());
    Waveform w = r.traces().get(0);
    assertEquals("NL.HGN.00.BHZ", w.id());
    assertEquals(5_980, w.length());
    assertEquals(40.0, w.sampleRate());
    assertEquals(Instant.parse("2003-05-29T02:13:22.043400Z"), w.start());
  }

  @Test
  void recordCutShortByTheEndOfTheFileIsAnError() throws IOException {
    byte[] whole = Files.readAllBytes(Reference.data("CH.BALST..LHE.D.2025.314"));
    Read r = read(Arrays.copyOf(whole, whole.length - 100), GapPolicy.SPLIT);
    assertEquals(List.of(new DecodeError(whole.length - 512, "truncated record: 412 of 512 bytes in the file")), r.contents().errors());
    assertEquals(307, r.result().used());
  }

  @Test
  void corruptHeaderIsSkippedToTheNextRecord() throws IOException {
    byte[] bytes = Files.readAllBytes(Reference.data("BW.BGLD.__.EHE.D.2008.001.first_10_records"));
    Arrays.fill(bytes, 1024, 1024 + 48, (byte) 0x55);
    Read r = read(bytes, GapPolicy.SPLIT);
    assertEquals(List.of(new DecodeError(1024, "512 bytes that are not a miniSEED data record (no valid record header)")),
        r.contents().errors());
    assertEquals(9, r.result().used());
    assertEquals(2, r.traces().size(), "the lost record leaves a gap");
    assertEquals(1, r.result().gaps());
  }

  @Test
  void noiseRecordsAreErrorsAndTheRecordsBetweenThemDecode() throws IOException {
    Read r = read("various_noise_records.mseed", GapPolicy.SPLIT);
    assertEquals(List.of(0L, 768L, 1408L, 2944L), r.contents().errors().stream().map(DecodeError::offset).toList());
    assertEquals(8, r.contents().units());
    assertEquals(4, r.result().used());
    assertEquals(List.of("IM.NV30..BHE", "IM.NV31..BHE", "IM.NV32..BHE", "IM.NV33..BHE"),
        r.traces().stream().map(Waveform::id).toList());
  }

  @Test
  void severalStationsAndChannelsInOneFile() throws IOException {
    Read r = read("ffbx_unrotated_gaps.mseed", GapPolicy.SPLIT);
    Set<String> channels = r.traces().stream().map(Waveform::channel).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("HH1", "HH2", "HHZ", "BH1", "BH2", "BHZ"), channels);
    assertEquals(Set.of("FFB1", "FFB2", "FFB3"), r.traces().stream().map(Waveform::station).collect(Collectors.toSet()));
    for (Waveform w : r.traces()) {
      assertEquals(w.channel().startsWith("HH") ? 200.0 : 40.0, w.sampleRate(), w.id());
    }
    assertEquals(18, r.traces().stream().map(Waveform::id).distinct().count());
    assertEquals(4, r.result().gaps());
    assertEquals(22, r.traces().size());
    Read filled = read("ffbx_unrotated_gaps.mseed", GapPolicy.FILL_ZERO);
    assertEquals(18, filled.traces().size());
  }

  @Test
  void dayOfYearBeyondTheYearIsAnErrorNamingTheDate() throws IOException {
    // record 3 of first_10_records claims day 366 of 2007 (a common year): that record is an error
    // at its offset, the other nine decode (a CI fuzzing finding escaped as a DateTimeException)
    byte[] bytes = Files.readAllBytes(Reference.data("BW.BGLD.__.EHE.D.2008.001.first_10_records"));
    java.nio.ByteBuffer.wrap(bytes, 1024 + 20, 4).putShort((short) 2007).putShort((short) 366);
    Read r = read(bytes, GapPolicy.SPLIT);
    assertEquals(List.of(new DecodeError(1024, "invalid start time: day 366 of 2007 (not a leap year)")),
        r.contents().errors());
    assertEquals(9, r.result().used());
    assertEquals(2, r.traces().size(), "the lost record leaves a gap");
  }

  /**
   * Found by MiniSeedFuzzTest: blockette 100 holding +Inf passed the rate check, and the zero
   * period made TraceAssembler compute a sample count of Long.MIN_VALUE. The record is an error at
   * its offset now, under every gap policy.
   */
  @Test
  void blockette100WithAnImpossibleRateIsAnErrorOfItsRecord() throws IOException {
    byte[] good = Files.readAllBytes(Reference.data("brokenlastrecord.mseed"));
    // the first record's blockette chain starts at byte 48; blockette 100 is (type 100, next, float rate)
    int p = java.nio.ByteBuffer.wrap(good).getShort(46);
    while (java.nio.ByteBuffer.wrap(good).getShort(p) != 100) p = java.nio.ByteBuffer.wrap(good).getShort(p + 2);
    for (float rate : new float[] {Float.POSITIVE_INFINITY, Float.NaN, 1e-12f, 3e38f}) {
      byte[] b = good.clone();
      java.nio.ByteBuffer.wrap(b).putFloat(p + 4, rate);
      for (GapPolicy policy : GapPolicy.values()) {
        Read r = read(b, policy);
        assertEquals(0, r.result().used(), rate + " " + policy);
        assertEquals(2, r.contents().errors().size(), "the bad-rate record and the truncated last one");
        DecodeError e = r.contents().errors().get(0);
        assertEquals(0, e.offset());
        assertTrue(e.reason().startsWith(Float.isNaN(rate) ? "record has no sample rate" : "record's sample rate"), e.reason());
      }
    }
  }
}
