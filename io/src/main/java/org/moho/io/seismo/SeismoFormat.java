package org.moho.io.seismo;

/** The seismogram formats {@code seismo.read} decodes; {@link #AUTO} sniffs each file's content. */
public enum SeismoFormat {
  /** Decide per file from its bytes (gzip is unwrapped first), never from its name. */
  AUTO,
  /** miniSEED 2 data records (Steim-1, Steim-2, 16/32-bit integer, float, double). */
  MSEED,
  /** SAC binary, either byte order, evenly sampled time series. */
  SAC,
  /** ObsPy/IRIS ASCII {@code TIMESERIES ... SLIST}: a header line, then values several per line. */
  SLIST,
  /** ObsPy/IRIS ASCII {@code TIMESERIES ... TSPAIR}: a header line, then one "time value" per line. */
  TSPAIR,
  /** A table of an ISO time column and one column per component, {@code #} comments (GMT's waveform files). */
  TEXT
}
