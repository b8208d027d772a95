package org.moho.pipelines.evaluate;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code evaluate.matches}. */
public record MatchesConfig(
    @Doc("a detection and a catalogue entry match when at most this far apart (great circle, km)") @Default("25")
        double radiusKm,
    @Doc("evaluation area [west, east, south, north] in degrees; else the extent of the grid port; else everything")
        @Default(Default.NONE) List<Double> region,
    @Doc("true when a higher score is more seamount-like (detect.peaks), false when lower is (detect.minima)")
        @Default("true") boolean higherIsBetter,
    @Doc("operating point of the summary row: keep detections with a score at least this good; none = all")
        @Default(Default.NONE) Double threshold,
    @Doc("the summary gives the best SR whose FPR is at most each of these") @Default("[0.10, 0.40]") List<Double> fprLevels,
    @Doc("catalogue column of the longitude (matched ignoring case)") @Default("lon") String lonColumn,
    @Doc("catalogue column of the latitude (matched ignoring case)") @Default("lat") String latColumn,
    @Doc("at most this many curve points in the rows, JSON and PNG (spread over the score ranks; the SR at FPR levels use all)") @Default("500") int maxPoints,
    @Doc("where the JSON metrics go; default ${out}/<stage id>.json") @Default(Default.NONE) Path json,
    @Doc("where the SR-FPR curve PNG goes; default ${out}/<stage id>.png") @Default(Default.NONE) Path png) {

  public MatchesConfig {
    ConfigException.check(radiusKm > 0, "radius_km", "must be > 0 km, got " + radiusKm);
    ConfigException.check(region == null || region.size() == 4, "region",
        "must be [west, east, south, north], got " + region);
    if (region != null) {
      ConfigException.check(region.get(2) < region.get(3) && region.get(2) >= -90 && region.get(3) <= 90, "region",
          "needs -90 <= south < north <= 90, got " + region);
      ConfigException.check(region.get(0) != region.get(1).doubleValue(), "region", "west and east are the same, got " + region);
    }
    ConfigException.check(threshold == null || !threshold.isNaN(), "threshold", "must be a number");
    ConfigException.check(fprLevels.stream().allMatch(x -> x >= 0 && x <= 1), "fpr_levels",
        "must lie in [0, 1], got " + fprLevels);
    ConfigException.check(maxPoints >= 1, "max_points", "must be >= 1, got " + maxPoints);
    ConfigException.check(!lonColumn.isBlank(), "lon_column", "must not be empty");
    ConfigException.check(!latColumn.isBlank(), "lat_column", "must not be empty");
    fprLevels = List.copyOf(fprLevels);
  }

  /** What the evaluation needs at run time (a Path is not serializable). */
  record Settings(double radiusKm, boolean higherIsBetter, Double threshold, List<Double> fprLevels, int maxPoints)
      implements java.io.Serializable {}

  Settings settings() {
    return new Settings(radiusKm, higherIsBetter, threshold, fprLevels, maxPoints);
  }
}
