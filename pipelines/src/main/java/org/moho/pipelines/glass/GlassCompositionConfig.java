package org.moho.pipelines.glass;

import java.io.Serializable;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code glass.composition}. */
public record GlassCompositionConfig(
    @Doc("What the oxide columns hold: wt (wt%) or mol (mol%)") @Default("wt") Composition.Units units,
    @Doc("A row whose oxide sum differs from 100 by more than this goes to errors") @Default("2.0") double tolerance,
    @Doc("Add al_al_si, nak_al, nbo_t and optical_basicity") @Default("true") boolean descriptors) implements Serializable {
  public GlassCompositionConfig {
    ConfigException.check(units != null, "units", "must be wt or mol");
    ConfigException.check(tolerance >= 0 && Double.isFinite(tolerance), "tolerance", "must be >= 0, got " + tolerance);
  }
}
