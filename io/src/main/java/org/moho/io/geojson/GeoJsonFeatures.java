package org.moho.io.geojson;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.moho.core.stage.RecordException;

/**
 * One GeoJSON Point feature as RFC 7946 wants it: coordinates {@code [lon, lat]} in WGS84 degrees
 * with the longitude brought into −180..180 (Moho's grids often use 0..360 east), an {@code id},
 * and a flat {@code properties} object whose numbers stay numbers. NaN and ±Infinity have no JSON
 * form, so they are written as {@code null} (the way GDAL and QGIS read a missing value).
 */
public final class GeoJsonFeatures {
  private GeoJsonFeatures() {}

  /**
   * The longitude in −180..180: 190 → −170, −190 → 170, 360 → 0. +180 stays +180 (both ends are
   * legal in RFC 7946 and +180 is what a user wrote); −180 stays −180.
   */
  public static double normaliseLongitude(double lon) {
    if (lon >= -180 && lon <= 180) return lon;
    double r = ((lon + 180) % 360 + 360) % 360 - 180;
    return r == -180 && lon > 0 ? 180 : r;
  }

  /**
   * The feature's JSON text (one line). Fails for a position that is not on the globe, so that a
   * bad record ends in the stage's errors, not in a file QGIS then rejects.
   */
  public static String pointFeature(String id, double lon, double lat, Map<String, ?> properties) throws RecordException {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw new RecordException("position is not finite: lon " + lon + ", lat " + lat);
    }
    if (lat < -90 || lat > 90) {
      throw new RecordException("latitude " + lat + " is outside -90..90");
    }
    StringWriter text = new StringWriter();
    try (JsonWriter w = new JsonWriter(text)) {
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("type").value("Feature");
      if (id != null) w.name("id").value(id);
      w.name("geometry").beginObject();
      w.name("type").value("Point");
      w.name("coordinates").beginArray().value(normaliseLongitude(lon)).value(lat).endArray();
      w.endObject();
      w.name("properties").beginObject();
      for (Map.Entry<String, ?> e : properties.entrySet()) {
        w.name(e.getKey());
        writeValue(w, e.getValue());
      }
      w.endObject();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void writeValue(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) w.value(d);
      else w.nullValue();
    } else if (v instanceof Number n) {
      w.value(n);
    } else if (v instanceof Boolean b) {
      w.value(b);
    } else {
      w.value(v.toString());
    }
  }
}
