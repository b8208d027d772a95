package org.moho.pipelines.glass;

import java.nio.file.Path;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code glass.curves}. */
public record GlassCurvesConfig(
    @Doc("folder the PNGs are written to, one per melt") Path folder,
    @Doc("bundle folder; optional when the model port is connected to glass.train") @Default(Default.NONE) Path bundle,
    @Doc("lowest temperature of the curve, K") @Default("600") double fromK,
    @Doc("highest temperature of the curve, K") @Default("2500") double toK,
    @Doc("points on the curve") @Default("120") int steps,
    @Doc("column naming the melt (one PNG each)") @Default("Name") String nameColumn,
    @Doc("temperature column of measured points, K") @Default("T") String temperatureColumn,
    @Doc("measured log10 viscosity column, drawn as points when present") @Default("viscosity") String measuredColumn) {
  public GlassCurvesConfig {
    ConfigException.check(fromK > 0 && toK > fromK, "to_k", "need 0 < from_k < to_k, got " + fromK + " and " + toK);
    ConfigException.check(steps >= 2, "steps", "must be >= 2, got " + steps);
  }
}
