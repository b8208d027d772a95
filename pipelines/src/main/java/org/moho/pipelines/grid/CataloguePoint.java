package org.moho.pipelines.grid;

import java.io.Serializable;
import java.util.Map;
import org.moho.core.data.Row;
import org.moho.core.stage.RecordException;

/** A catalogue position around which a patch is cut: the row's key and its lon/lat. */
public record CataloguePoint(String key, double lon, double lat) implements Serializable {

  /** Reads {@code lonColumn}/{@code latColumn} (case-insensitive) of a row; a missing or non-numeric value is a RecordException. */
  public static CataloguePoint of(Row row, String lonColumn, String latColumn) throws RecordException {
    double lon = number(row, lonColumn);
    double lat = number(row, latColumn);
    if (lat < -90 || lat > 90) throw new RecordException("latitude out of range: " + lat, String.valueOf(row.values()));
    return new CataloguePoint(row.key(), lon, lat);
  }

  private static double number(Row row, String column) throws RecordException {
    for (Map.Entry<String, Object> e : row.values().entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        Object v = e.getValue();
        double d = v instanceof Number n ? n.doubleValue() : parse(v);
        if (!Double.isFinite(d)) throw new RecordException("column " + column + " is not a finite number: " + v, String.valueOf(row.values()));
        return d;
      }
    }
    throw new RecordException("no column " + column + " (have " + row.values().keySet() + ")", null);
  }

  private static double parse(Object v) {
    if (v == null) return Double.NaN;
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
