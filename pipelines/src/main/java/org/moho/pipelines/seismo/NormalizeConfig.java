package org.moho.pipelines.seismo;

import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code normalize} and {@code seismo.normalize}. */
public record NormalizeConfig(
    @Doc("peak (divide by max |x|: values in [-1, 1]), zscore (subtract the mean, divide by the standard deviation) or robust (subtract the median, divide by 1.4826 MAD)")
    @Default("peak") Normalization.Mode mode) {}
