package org.moho.io.seismo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Format sniffing (by content, not name) and path expansion over data/seismograms. */
class SeismogramFileTest {
  @Test
  void everyBundledFileIsRecognisedByItsContent() throws IOException {
    Map<String, SeismoFormat> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("19981216.BB12.BHZ.orig.SAC", SeismoFormat.SAC),
        Map.entry("BW.BGLD.__.EHE.D.2008.001.first_10_records", SeismoFormat.MSEED),
        Map.entry("BW.UH1._.SHZ.D.2010.147.cut.slist.gz", SeismoFormat.SLIST),
        Map.entry("BW.UH2._.SHZ.D.2010.147.cut.slist.gz", SeismoFormat.SLIST),
        Map.entry("BW.UH3._.SHE.D.2010.147.cut.slist.gz", SeismoFormat.SLIST),
        Map.entry("BW.UH3._.SHN.D.2010.147.cut.slist.gz", SeismoFormat.SLIST),
        Map.entry("BW.UH3._.SHZ.D.2010.147.cut.slist.gz", SeismoFormat.SLIST),
        Map.entry("CH.BALST..LHE.D.2025.314", SeismoFormat.MSEED),
        Map.entry("CRLZ.HHZ.10.NZ.SAC", SeismoFormat.SAC),
        Map.entry("II.TLY.BHZ.SAC", SeismoFormat.SAC),
        Map.entry("IU_ULN_00_LH1_2015-07-18T02.mseed", SeismoFormat.MSEED),
        Map.entry("brokenlastrecord.mseed", SeismoFormat.MSEED),
        Map.entry("ffbx_unrotated_gaps.mseed", SeismoFormat.MSEED),
        Map.entry("gaps.mseed", SeismoFormat.MSEED),
        Map.entry("three_records_zero_data_in_middle.mseed", SeismoFormat.MSEED),
        Map.entry("timingquality.mseed", SeismoFormat.MSEED),
        Map.entry("various_noise_records.mseed", SeismoFormat.MSEED),
        Map.entry("waveform_AV.DOL.txt", SeismoFormat.TEXT)));
    Map<String, SeismoFormat> sniffed = new TreeMap<>();
    for (Path f : SeismoPaths.expand(Reference.data("").toString())) {
      byte[] b = Files.readAllBytes(f);
      if (f.toString().endsWith(".gz")) b = TextDecodersTest.gunzip(f.getFileName().toString()).getBytes();
      sniffed.put(f.getFileName().toString(), SeismogramFile.sniff(b));
    }
    assertEquals(expected, sniffed);
  }

  @Test
  void forcedWrongFormatGivesErrorsNotExceptions() {
    FileContents sacAsMseed = SeismogramFile.read(Reference.data("CRLZ.HHZ.10.NZ.SAC"), SeismoFormat.MSEED);
    assertEquals(0, sacAsMseed.segments().size());
    assertTrue(sacAsMseed.errors().size() >= 1);
    FileContents mseedAsSac = SeismogramFile.read(Reference.data("gaps.mseed"), SeismoFormat.SAC);
    assertEquals(List.of(new DecodeError(0, "not a SAC file: header version (NVHDR) is not 6")), mseedAsSac.errors());
    FileContents mseedAsText = SeismogramFile.read(Reference.data("gaps.mseed"), SeismoFormat.TEXT);
    assertEquals(1, mseedAsText.errors().size());
  }

  @Test
  void unrecognisedContentIsOneError() {
    FileContents c = SeismogramFile.decode("# just a comment\nhello world\n".getBytes(), SeismoFormat.AUTO, "notes.txt");
    assertEquals(List.of(new DecodeError(0, "unrecognised format: not miniSEED, SAC, ASCII TIMESERIES or a time-value table")), c.errors());
  }

  @Test
  void globsAndFoldersExpandToSortedFiles() throws IOException {
    String folder = Reference.data("").toString();
    assertEquals(18, SeismoPaths.expand(folder).size());
    assertEquals(List.of("19981216.BB12.BHZ.orig.SAC", "CRLZ.HHZ.10.NZ.SAC", "II.TLY.BHZ.SAC"),
        SeismoPaths.expand(folder + "/*.SAC").stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(5, SeismoPaths.expand(folder + "/BW.UH?._.*.slist.gz").size());
    assertEquals(List.of(Reference.data("gaps.mseed")), SeismoPaths.expand(Reference.data("gaps.mseed").toString()));
    assertEquals(List.of(), SeismoPaths.expand(folder + "/nothing-*.mseed"));
    assertEquals(List.of(), SeismoPaths.expand(folder + "/missing.mseed"));
  }
}
