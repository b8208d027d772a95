package org.moho.io.seismo;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.data.Waveform;

/**
 * Test access to the io module's seismogram decoders (package-private there), so that pipeline
 * tests read the bundled files exactly as {@code seismo.read} does, without a Beam pipeline.
 */
public final class BundledSeismograms {
  private BundledSeismograms() {}

  /** The traces of one file, format sniffed, records merged under {@code gaps}. */
  public static List<Waveform> read(Path file, GapPolicy gaps) {
    FileContents contents = SeismogramFile.read(file, SeismoFormat.AUTO);
    return TraceAssembler.assemble(contents.segments(), gaps, file.toString()).traces();
  }

  /** The decode errors of one file as {@code offset: reason}. */
  public static List<String> errors(Path file) {
    return SeismogramFile.read(file, SeismoFormat.AUTO).errors().stream().map(e -> e.offset() + ": " + e.reason()).toList();
  }
}
