package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SLIST, TSPAIR and GMT's waveform table, against an awk reading (reference/ascii-traces.txt) and NOTICE.md. */
class TextDecodersTest {
  private static final Map<String, List<String>> AWK = Reference.ascii();

  static String gunzip(String file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Reference.data(file)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<String> slists() {
    return AWK.keySet().stream().filter(f -> f.endsWith(".slist.gz"));
  }

  @ParameterizedTest
  @MethodSource("slists")
  void slistFilesMatchTheirHeaderAndValues(String file) throws IOException {
    FileContents c = SeismogramFile.read(Reference.data(file), SeismoFormat.AUTO);
    assertEquals(List.of(), c.errors());
    Segment s = c.segments().get(0);
    String header = AWK.get(file).get(0);
    Map<String, String> values = Reference.fields(AWK.get(file).get(1));
    // NOTICE.md: 11,517 samples at 50 sps from 2010-05-27 16:24:03.68 (UH3's clock says .67)
    assertEquals(11_517, s.samples().length);
    assertEquals(50.0, s.sampleRate());
    String start = header.split(", ")[3];
    assertEquals(Reference.micros(start), s.startMicros());
    assertEquals(Times.micros(Instant.parse("2010-05-27T16:24:03.680Z")), s.startMicros(), 20_000, "within one sample of NOTICE.md's start");
    assertEquals("BW", s.network());
    assertEquals("", s.location());
    assertEquals(header.substring(11, header.indexOf(',')).split("_")[3], s.channel());
    assertEquals(Integer.parseInt(values.get("n")), s.samples().length);
    assertEquals(Double.parseDouble(values.get("first")), s.samples()[0]);
    assertEquals(Double.parseDouble(values.get("last")), s.samples()[s.samples().length - 1]);
    assertEquals(Double.parseDouble(values.get("sum")), Arrays.stream(s.samples()).sum());
  }

  @Test
  void tspairCarriesTheSameSeries() throws IOException {
    // the UH1 series rewritten as TSPAIR, one "time value" line per sample, the way ObsPy writes it
    Segment slist = AsciiTimeSeriesDecoder.decode(gunzip("BW.UH1._.SHZ.D.2010.147.cut.slist.gz")).segments().get(0);
    StringBuilder t = new StringBuilder("TIMESERIES BW_UH1__SHZ_D, 11517 samples, 50 sps, 2010-05-27T16:24:03.679998, TSPAIR, INTEGER, Counts\n");
    for (int i = 0; i < slist.samples().length; i++) {
      t.append(Times.instant(slist.startMicros() + i * 20_000L).toString().replace("Z", "")).append("  ")
          .append((long) slist.samples()[i]).append('\n');
    }
    assertEquals(SeismoFormat.TSPAIR, SeismogramFile.sniff(t.toString().getBytes(StandardCharsets.UTF_8)));
    FileContents c = AsciiTimeSeriesDecoder.decode(t.toString());
    Segment s = c.segments().get(0);
    assertEquals(slist.startMicros(), s.startMicros());
    assertEquals(Arrays.toString(slist.samples()), Arrays.toString(s.samples()));
    assertEquals("Counts", s.attributes().get("units"));
    assertEquals("tspair", s.attributes().get("format"));
  }

  @Test
  void blockShorterThanItsHeaderIsAnErrorAndTheNextBlockDecodes() throws IOException {
    String uh1 = gunzip("BW.UH1._.SHZ.D.2010.147.cut.slist.gz");
    String uh2 = gunzip("BW.UH2._.SHZ.D.2010.147.cut.slist.gz");
    String cut = uh1.substring(0, uh1.indexOf('\n', 1000) + 1);
    FileContents c = AsciiTimeSeriesDecoder.decode(cut + uh2);
    assertEquals(2, c.units());
    assertEquals(1, c.errors().size());
    assertEquals(1, c.errors().get(0).offset(), "line of the block's header");
    assertTrue(c.errors().get(0).reason().startsWith("block holds "), c.errors().get(0).reason());
    assertEquals("UH2", c.segments().get(0).station());
  }

  @Test
  void gmtWaveformTableGivesOneWaveformPerComponent() throws IOException {
    FileContents c = SeismogramFile.read(Reference.data("waveform_AV.DOL.txt"), SeismoFormat.AUTO);
    assertEquals(List.of(), c.errors());
    assertEquals(List.of("E", "N", "Z"), c.segments().stream().map(Segment::channel).toList());
    List<String> awk = AWK.get("waveform_AV.DOL.txt");
    for (int k = 0; k < 3; k++) {
      Segment s = c.segments().get(k);
      Map<String, String> v = Reference.fields(awk.get(k));
      assertEquals("AV", s.network());
      assertEquals("DOL", s.station());
      assertEquals(50.0, s.sampleRate(), "0.02 s time steps");
      assertEquals(Reference.micros(v.get("start")), s.startMicros());
      assertEquals(Integer.parseInt(v.get("n")), s.samples().length);
      assertEquals(Reference.micros(v.get("end")), s.startMicros() + (s.samples().length - 1) * 20_000L);
      assertEquals(Double.parseDouble(v.get("first")), s.samples()[0]);
      assertEquals(Double.parseDouble(v.get("last")), s.samples()[s.samples().length - 1]);
      assertEquals(Double.parseDouble(v.get("sum")), Arrays.stream(s.samples()).sum());
      assertEquals("55.15", s.attributes().get("stla"));
      assertEquals("-161.86", s.attributes().get("stlo"));
    }
  }

  @Test
  void unevenTimeColumnIsAnError() throws IOException {
    List<String> lines = Files.readAllLines(Reference.data("waveform_AV.DOL.txt"));
    String text = String.join("\n", lines.subList(0, 100)) + "\n" + String.join("\n", lines.subList(150, 400)) + "\n";
    FileContents c = WaveformTableDecoder.decode(text, "waveform_AV.DOL.txt");
    assertEquals(1, c.errors().size());
    assertTrue(c.errors().get(0).reason().startsWith("time column is not evenly spaced"), c.errors().get(0).reason());
  }

  @Test
  void tableRowsWithoutValuesAreOneErrorNotAnEmptyFile() {
    FileContents c = WaveformTableDecoder.decode("# time(UTC)\n2020-10-06T05:55:00.00\n2020-10-06T05:55:00.02\n", "t.txt");
    assertEquals(List.of(new DecodeError(2, "line 2 holds a time and no values")), c.errors());
    assertEquals(1, c.units());
  }

  /** Found by SlistFuzzTest: a negative sample count escaped as NegativeArraySizeException; a huge one is refused before allocating. */
  @Test
  void anImpossibleSampleCountIsAnErrorUnit() throws IOException {
    String text = new String(new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(
        Reference.data("BW.UH1._.SHZ.D.2010.147.cut.slist.gz"))).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    for (String count : new String[] {"-24", "0", "2000000000"}) {
      FileContents c = AsciiTimeSeriesDecoder.decode(text.replaceFirst("11517 samples", count + " samples"));
      assertEquals(0, c.segments().size(), count);
      assertEquals(1, c.errors().size(), count);
      String reason = c.errors().get(0).reason();
      assertTrue(count.equals("2000000000") ? reason.startsWith("block holds 11517") : reason.contains("header announces " + count + " samples"),
          count + ": " + reason);
    }
  }

  /**
   * Found by SlistFuzzTest: "inf sps" passed the rate check and gave a zero period that
   * TraceAssembler turned into a sample count of Long.MIN_VALUE; a year of +300000 overflowed
   * microseconds since the epoch. Both are now errors of their block.
   */
  @Test
  void anInfiniteRateOrAYearBeyond9999IsAnErrorOfItsBlock() throws IOException {
    String text = new String(new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(
        Reference.data("BW.UH1._.SHZ.D.2010.147.cut.slist.gz"))).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> cases = Map.of(
        "50 sps", "Infinity sps",
        "2010-05-27T16:24:03.679998", "+300000-05-27T16:24:03.679998");
    Map<String, String> reasons = Map.of(
        "Infinity sps", "sample rate Infinity Hz is outside 1.0E-9 to 1.0E9 Hz",
        "+300000-05-27T16:24:03.679998", "year 300000 is outside 1 to 9999");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String broken = text.replaceFirst(java.util.regex.Pattern.quote(c.getKey()), c.getValue());
      FileContents contents = AsciiTimeSeriesDecoder.decode(broken + broken.replace(c.getValue(), c.getKey()));
      assertEquals(List.of(new DecodeError(1, reasons.get(c.getValue()))), contents.errors(), c.getValue());
      assertEquals(1, contents.segments().size(), "the second, intact block still decodes");
      assertEquals(11_517, contents.segments().get(0).samples().length);
      for (GapPolicy policy : GapPolicy.values()) {
        assertEquals(1, TraceAssembler.assemble(contents.segments(), policy, "t").traces().size());
      }
    }
  }

  @Test
  void aTimeColumnTooSparseForAPlausibleRateIsAnError() {
    FileContents c = WaveformTableDecoder.decode("# time(UTC) Z\n0001-01-01T00:00:00 1\n9999-01-01T00:00:00 2\n", "t.txt");
    assertEquals(1, c.errors().size());
    assertTrue(c.errors().get(0).reason().startsWith("time column gives a sample rate"), c.errors().get(0).reason());
  }
}
