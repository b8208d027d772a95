package org.moho.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.junit.jupiter.api.Test;

class RowTest {
  private static LinkedHashMap<String, Object> values() {
    LinkedHashMap<String, Object> v = new LinkedHashMap<>();
    v.put("mse", 0.25);
    v.put("e", 32.0);
    v.put("station", "CRLZ");
    return v;
  }

  @Test
  void theConstructorCopiesSoTheCallersMapStaysItsOwn() {
    LinkedHashMap<String, Object> v = values();
    Row r = new Row("w1", v);
    v.put("mse", 9.0);
    assertEquals(0.25, r.number("mse"));
  }

  @Test
  void owningGivesTheSameRowAsTheConstructorWithoutACopy() throws Exception {
    Row owned = Row.owning("w1", values());
    Row copied = new Row("w1", values());
    assertEquals(copied, owned);
    assertEquals(copied.hashCode(), owned.hashCode());
    assertEquals(List.of("mse", "e", "station"), List.copyOf(owned.values().keySet()), "column order kept");
    assertThrows(UnsupportedOperationException.class, () -> owned.values().put("x", 1.0));
    // through the coder Beam uses: a plain Row again, equal to the original
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SerializableCoder.of(Row.class).encode(owned, out);
    Row back = SerializableCoder.of(Row.class).decode(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(owned, back);
    assertEquals(Map.of("mse", 0.25, "e", 32.0, "station", "CRLZ", "flag", true), back.with("flag", true).values());
  }

  @Test
  void owningRefusesNoMap() {
    assertThrows(NullPointerException.class, () -> Row.owning("w1", null));
  }
}
