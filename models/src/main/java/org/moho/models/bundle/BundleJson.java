package org.moho.models.bundle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON dialect of model.json: pretty, NaN allowed (no validation split), paths as text. */
final class BundleJson {
  private BundleJson() {}

  static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .serializeSpecialFloatingPointValues()
      .registerTypeHierarchyAdapter(Path.class, new TypeAdapter<Path>() {
        @Override
        public void write(JsonWriter out, Path p) throws IOException {
          if (p == null) out.nullValue();
          else out.value(p.toString());
        }

        @Override
        public Path read(JsonReader in) throws IOException {
          if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
          }
          return Path.of(in.nextString());
        }
      })
      .create();
}
