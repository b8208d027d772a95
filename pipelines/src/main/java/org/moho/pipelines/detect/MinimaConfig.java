package org.moho.pipelines.detect;

import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code detect.minima}. */
public record MinimaConfig(
    @Doc("full width (6 sigma) in km of the Gaussian low-pass of the error grid; none = not in km")
        @Default(Default.NONE) Double widthKm,
    @Doc("the same width in grid nodes (use one of width_km and width_nodes; neither = no low-pass)")
        @Default(Default.NONE) Double widthNodes,
    @Doc("keep minima whose low-passed error is below this value") @Default(Default.NONE) Double emax,
    @Doc("or below this percentile (0-100) of all the grid's values, found in a first pass") @Default(Default.NONE)
        Double emaxPercentile,
    @Doc("a minimum is the lowest node of the (2w+1) x (2w+1) window around it") @Default("1") int window,
    @Doc("radius in km of the ring around a minimum for the relative-depth test") @Default("30") double ringKm,
    @Doc("the minimum must lie at least this far below the ring's reference value") @Default("0") double depth,
    @Doc("ring reference: mean or median of the ring's values") @Default("median") RingReference ringReference,
    @Doc("fewest fraction of the ring's nodes that must have a value") @Default("0.5") double minRingCoverage,
    @Doc("saddle: the depth of the minimum's basin (spill level minus minimum); regional: a wider low-pass minus the minimum")
        @Default("saddle") ProminenceKind prominence,
    @Doc("keep minima whose prominence is at least this") @Default("0") double minProminence,
    @Doc("half-size in km of the window searched for the saddle") @Default("100") double prominenceWindowKm,
    @Doc("full width in km of the wider low-pass of the regional prominence") @Default("200") double regionalWidthKm)
    implements java.io.Serializable {

  /** What the ring's values are summarised by. */
  public enum RingReference { MEAN, MEDIAN }

  /** How prominence is measured. */
  public enum ProminenceKind { SADDLE, REGIONAL }

  public MinimaConfig {
    ConfigException.check(widthKm == null || widthKm >= 0, "width_km", "must be >= 0 km, got " + widthKm);
    ConfigException.check(widthNodes == null || widthNodes >= 0, "width_nodes", "must be >= 0, got " + widthNodes);
    ConfigException.check(widthKm == null || widthNodes == null, "width_nodes", "give width_km or width_nodes, not both");
    ConfigException.check(emax != null || emaxPercentile != null, "emax", "give emax or emax_percentile");
    ConfigException.check(emax == null || emaxPercentile == null, "emax_percentile", "give emax or emax_percentile, not both");
    ConfigException.check(emax == null || !emax.isNaN(), "emax", "must be a number");
    ConfigException.check(emaxPercentile == null || (emaxPercentile >= 0 && emaxPercentile <= 100), "emax_percentile",
        "must lie in [0, 100], got " + emaxPercentile);
    ConfigException.check(window >= 1, "window", "must be >= 1, got " + window);
    ConfigException.check(ringKm > 0, "ring_km", "must be > 0 km, got " + ringKm);
    ConfigException.check(Double.isFinite(depth), "depth", "must be a number, got " + depth);
    ConfigException.check(minRingCoverage >= 0 && minRingCoverage <= 1, "min_ring_coverage",
        "must lie in [0, 1], got " + minRingCoverage);
    ConfigException.check(prominenceWindowKm > 0, "prominence_window_km", "must be > 0 km, got " + prominenceWindowKm);
    ConfigException.check(regionalWidthKm > 0, "regional_width_km", "must be > 0 km, got " + regionalWidthKm);
  }
}
