package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SAC decoding against sac2mseed + libmseed (reference/sac-traces.txt), a struct dump of the headers and NOTICE.md. */
class SacDecoderTest {
  private static final Map<String, Reference.MseedFile> SAC2MSEED = Reference.mseed("sac-traces.txt");
  private static final Map<String, Map<String, String>> HEADERS = Reference.sacHeaders();

  static Segment decode(String file) throws IOException {
    FileContents c = SacDecoder.decode(Files.readAllBytes(Reference.data(file)));
    assertEquals(List.of(), c.errors(), file);
    assertEquals(1, c.segments().size());
    return c.segments().get(0);
  }

  static Stream<String> files() {
    return SAC2MSEED.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void samplesAndTimesMatchSac2mseed(String file) throws IOException {
    Segment s = decode(file);
    Reference.Trace e = SAC2MSEED.get(file).traces().get(0);
    assertEquals(e.id(), s.id());
    assertEquals(e.startMicros(), s.startMicros(), file + " start");
    assertEquals(e.n(), s.samples().length);
    assertEquals(e.first3()[0], s.samples()[0]);
    assertEquals(e.first3()[2], s.samples()[2]);
    assertEquals(e.last(), s.samples()[s.samples().length - 1]);
    assertEquals(e.sum(), Arrays.stream(s.samples()).sum(), 1e-6);
  }

  @ParameterizedTest
  @MethodSource("files")
  void headerValuesBecomeAttributes(String file) throws IOException {
    Segment s = decode(file);
    Map<String, String> h = HEADERS.get(file);
    for (String name : List.of("evla", "evlo", "evdp", "mag", "stla", "stlo", "stel", "o", "a", "b", "e", "dist", "az", "baz", "gcarc")) {
      if (h.containsKey(name)) {
        assertEquals(Float.parseFloat(h.get(name)), Float.parseFloat(s.attributes().get(name)), file + " " + name);
      } else {
        assertTrue(!s.attributes().containsKey(name), file + ": undefined " + name + " must not be an attribute");
      }
    }
    assertEquals(1.0 / Double.parseDouble(h.get("delta")), s.sampleRate(), 1e-9, file + " rate is 1/DELTA");
  }

  @Test
  void littleEndianCrlz() throws IOException {
    Segment s = decode("CRLZ.HHZ.10.NZ.SAC");
    assertEquals("NZ.CRLZ.10.HHZ", s.id());
    assertEquals(32_768, s.samples().length);
    assertEquals(100.0, s.sampleRate());
    // reference time 2009-09-04 00:00:00.007, B = 54,400 s
    assertEquals(Instant.parse("2009-09-04T15:06:40.007Z"), Times.instant(s.startMicros()));
    assertEquals("-43.57641", s.attributes().get("stla"));
  }

  @Test
  void bigEndianTly() throws IOException {
    Segment s = decode("II.TLY.BHZ.SAC");
    assertEquals("II.TLY.00.BHZ", s.id());
    assertEquals(12_684, s.samples().length);
    // DELTA is stored as 0.05000016 s: 20 Hz nominal
    assertEquals(20.0, s.sampleRate(), 1e-4);
    // reference 05:47:30.033 plus B = 0.0004 s
    assertEquals(Instant.parse("2011-03-11T05:47:30.033400Z"), Times.instant(s.startMicros()));
    // the Tohoku earthquake
    assertEquals("38.3215", s.attributes().get("evla"));
    assertEquals("142.3693", s.attributes().get("evlo"));
    assertEquals("-66.3334", s.attributes().get("o"));
    assertEquals("301.506", s.attributes().get("a"));
  }

  @Test
  void seisFileTestFileBb12() throws IOException {
    Segment s = decode("19981216.BB12.BHZ.orig.SAC");
    assertEquals("YB.BB12..BHZ", s.id());
    assertEquals(40_001, s.samples().length);
    assertEquals(40.0, s.sampleRate());
    // 15:59:44.625 plus B = 1.2218952e-6 s, rounded to the microsecond
    assertEquals(Instant.parse("1998-12-16T15:59:44.625001Z"), Times.instant(s.startMicros()));
    assertEquals("-26.369", s.attributes().get("evla"));
    assertEquals("27.584", s.attributes().get("evlo"));
  }

  @Test
  void truncatedSacIsOneError() throws IOException {
    byte[] b = Files.readAllBytes(Reference.data("CRLZ.HHZ.10.NZ.SAC"));
    FileContents c = SacDecoder.decode(Arrays.copyOf(b, 10_000));
    assertEquals(List.of(new DecodeError(0, "truncated SAC file: 10000 bytes, NPTS 32768 needs 131704")), c.errors());
    assertEquals(1, c.units());
  }

  /** II.TLY.BHZ.SAC (big-endian, as the header edits are written) with one header edit, decoded. */
  private static FileContents decodeTlyWith(java.util.function.Consumer<java.nio.ByteBuffer> edit) throws IOException {
    byte[] b = Files.readAllBytes(Reference.data("II.TLY.BHZ.SAC"));
    edit.accept(java.nio.ByteBuffer.wrap(b));
    return SacDecoder.decode(b);
  }

  /** Found by SacFuzzTest: an hour of 4587520 in the reference time escaped as a DateTimeException. */
  @Test
  void aReferenceTimeOutOfRangeIsAnErrorUnit() throws IOException {
    FileContents c = decodeTlyWith(b -> b.putInt(70 * 4 + 2 * 4, 25)); // NZHOUR (int word 2) = 25
    assertEquals(List.of(), c.segments());
    assertEquals(1, c.errors().size());
    assertTrue(c.errors().get(0).reason().startsWith("SAC reference time (NZYEAR..NZMSEC) is invalid"), c.errors().get(0).reason());
  }

  /** Found by SacFuzzTest: a reference year of 300000000 overflowed the microsecond start time (ArithmeticException). */
  @Test
  void aStartTimeBeyondMicrosecondsIsAnErrorUnit() throws IOException {
    FileContents c = decodeTlyWith(b -> b.putInt(70 * 4, 300_000_000)); // NZYEAR (int word 0)
    assertEquals(List.of(), c.segments());
    assertEquals(1, c.errors().size());
    // refused by the reference time's own range check now, before any arithmetic
    assertEquals("SAC reference time (NZYEAR..NZMSEC) is invalid: NZYEAR 300000000 is outside 1 to 9999",
        c.errors().get(0).reason());
  }

  @Test
  void aBeginTimeBeyondMicrosecondsIsAnErrorUnit() throws IOException {
    FileContents c = decodeTlyWith(b -> b.putFloat(5 * 4, 3e30f)); // B (float word 5)
    assertEquals(List.of(), c.segments());
    assertTrue(c.errors().get(0).reason().endsWith("is out of range"), c.errors().get(0).reason());
  }

  /**
   * Found by SacFuzzTest: seisFile's reference time adds NZJDAY - 1 days to 1 January and
   * multiplies NZMSEC by 10^6 in an int, so day 0 or 400 moved the trace into another year and
   * NZMSEC 4295 wrapped round to a plausible time, silently. Each is now the file's error.
   */
  @Test
  void referenceTimeFieldsOutOfRangeAreErrorsNotAnotherTime() throws IOException {
    byte[] good = Files.readAllBytes(Reference.data("CRLZ.HHZ.10.NZ.SAC"));
    // little-endian; NZJDAY is header word 71, NZMSEC word 75
    Map<String, int[]> cases = Map.of(
        "NZJDAY 0 is outside 1 to 365 for 2009", new int[] {71, 0},
        "NZJDAY 400 is outside 1 to 365 for 2009", new int[] {71, 400},
        "NZMSEC 4295 is outside 0 to 999", new int[] {75, 4295},
        "NZMSEC -1 is outside 0 to 999", new int[] {75, -1},
        "NZYEAR 300000 is outside 1 to 9999", new int[] {70, 300_000});
    for (Map.Entry<String, int[]> c : cases.entrySet()) {
      byte[] b = good.clone();
      java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4 * c.getValue()[0], c.getValue()[1]);
      FileContents contents = SacDecoder.decode(b);
      assertEquals(List.of(), contents.segments(), c.getKey());
      assertEquals(List.of(new DecodeError(0, "SAC reference time (NZYEAR..NZMSEC) is invalid: " + c.getKey())),
          contents.errors());
    }
  }

  @Test
  void aDeltaGivingAnImplausibleRateIsAnError() throws IOException {
    byte[] b = Files.readAllBytes(Reference.data("CRLZ.HHZ.10.NZ.SAC"));
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.MIN_VALUE);
    FileContents contents = SacDecoder.decode(b);
    assertEquals(1, contents.errors().size());
    assertTrue(contents.errors().get(0).reason().contains("outside 1.0E-9 to 1.0E9 Hz"), contents.errors().get(0).reason());
  }
}
