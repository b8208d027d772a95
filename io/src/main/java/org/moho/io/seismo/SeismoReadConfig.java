package org.moho.io.seismo;

import java.nio.file.Path;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code seismo.read}. */
public record SeismoReadConfig(
    @Doc("A seismogram file, a folder of them (not recursive), or a glob such as data/*.mseed; relative to the spec")
    Path path,
    @Doc("auto (sniffed per file from its content), mseed, sac, slist, tspair or text")
    @Default("auto")
    SeismoFormat format,
    @Doc("Where a channel's records are more than half a sample apart: split, fill-zero, interpolate or reject")
    @Default("split")
    GapPolicy gaps) {}
