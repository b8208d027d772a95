package org.moho.pipelines.grid;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code grid.patches}. */
public record PatchConfig(
    @Doc("Patch side in samples (N x N)") @Default("32") int size,
    @Doc("Physical side in km, resampled to N x N by bilinear interpolation; absent = N grid nodes") @Default(Default.NONE) Double sizeKm,
    @Doc("Step in grid nodes between patch centres (grid mode; ignored with centers)") @Default("4") int stride,
    @Doc("Removed before scaling: none, mean or plane") @Default("none") Detrend detrend,
    @Doc("none, patch (divide by the patch's max |z|) or local-max (Valentine et al. 2013)") @Default("patch") PatchScaling scaling,
    @Doc("local-max: radius of the maximum |z| window, km") @Default("50") double scalingRadiusKm,
    @Doc("local-max: full width (6 sigma) of the Gaussian that smooths the maximum map, km") @Default("100") double scalingSmoothKm,
    @Doc("Skip (counter skipped.land) patches with any raw value above this; absent = no land test") @Default(Default.NONE) Double landLevel,
    @Doc("centers: longitude column (case-insensitive)") @Default("lon") String lonColumn,
    @Doc("centers: latitude column (case-insensitive)") @Default("lat") String latColumn,
    @Doc("centers: number of random negative patches (label=0) to add") @Default("0") int negatives,
    @Doc("centers: a negative's centre is at least this far (great circle, km) from every catalogue point") @Default("50") double minDistanceKm,
    @Doc("Seed of the negative sampling") @Default("7") long seed) implements java.io.Serializable {
  public PatchConfig {
    ConfigException.check(size >= 2 && size <= 1024, "size", "must be in 2..1024, got " + size);
    ConfigException.check(sizeKm == null || (sizeKm > 0 && Double.isFinite(sizeKm)), "size_km", "must be > 0, got " + sizeKm);
    ConfigException.check(stride >= 1, "stride", "must be >= 1, got " + stride);
    ConfigException.check(detrend != null, "detrend", "must be none, mean or plane");
    ConfigException.check(scaling != null, "scaling", "must be none, patch or local-max");
    ConfigException.check(scalingRadiusKm > 0, "scaling_radius_km", "must be > 0, got " + scalingRadiusKm);
    ConfigException.check(scalingSmoothKm > 0, "scaling_smooth_km", "must be > 0, got " + scalingSmoothKm);
    ConfigException.check(landLevel == null || Double.isFinite(landLevel), "land_level", "must be a number, got " + landLevel);
    ConfigException.check(negatives >= 0, "negatives", "must be >= 0, got " + negatives);
    ConfigException.check(minDistanceKm >= 0, "min_distance_km", "must be >= 0, got " + minDistanceKm);
  }

  public PatchGeometry geometry() {
    return new PatchGeometry(size, sizeKm);
  }
}
