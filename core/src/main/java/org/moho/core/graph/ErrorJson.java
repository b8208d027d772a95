package org.moho.core.graph;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.moho.core.data.ErrorRecord;

/** One error record as one JSON line: {@code {"stage":..., "key":..., "reason":..., "value":...}}. */
final class ErrorJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private ErrorJson() {}

  static String toJson(ErrorRecord e) {
    return GSON.toJson(e);
  }
}
