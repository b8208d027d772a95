package org.moho.io.catalog;

import java.nio.file.Path;
import java.util.List;
import org.moho.core.stage.ConfigException;
import org.moho.core.stage.Default;
import org.moho.core.stage.Doc;

/** The {@code with:} block of {@code catalog.read}. */
public record CatalogReadConfig(
    @Doc("Catalogue text file: whitespace, tab or comma separated, # comments, names from the last # line")
    Path path,
    @Doc("Field separator: auto (comma when the data has commas, else whitespace), whitespace, comma or tab")
    @Default("auto") Delimiter delimiter,
    @Doc("Column names to use instead of the file's (one per column)")
    @Default(Default.NONE) List<String> columns,
    @Doc("Keep only points inside [west, east, south, north] (degrees, bounds included, longitudes modulo 360)")
    @Default(Default.NONE) List<Double> region,
    @Doc("Keep only points inside this grid's extent (its region as gmt grdinfo reports it)")
    @Default(Default.NONE) Path grid) {

  public CatalogReadConfig {
    ConfigException.check(region == null || region.size() == 4, "region",
        "must be [west, east, south, north], got " + region);
    if (region != null) {
      ConfigException.check(region.get(0) <= region.get(1), "region", "west " + region.get(0) + " must be <= east " + region.get(1));
      ConfigException.check(region.get(2) <= region.get(3), "region", "south " + region.get(2) + " must be <= north " + region.get(3));
    }
    ConfigException.check(columns == null || columns.size() >= 2, "columns", "must name at least lon and lat, got " + columns);
  }
}
