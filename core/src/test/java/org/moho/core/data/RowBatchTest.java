package org.moho.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowBatchTest {
  private static final Map<String, String> STATION = Map.of("station", "CH.BALST");

  private static RowBatch scored() {
    return new RowBatch(new String[] {"w0", "w1"}, List.of("mse", "label"),
        List.of(new double[] {0.25, 1.5}, new String[] {"clean", "gap"}), List.of(STATION, Map.of("mse", "from a tag")));
  }

  @Test
  void rowsAreColumnsInOrderThenFurtherValuesWithoutOverwriting() {
    List<Row> rows = scored().rows();
    assertEquals(2, rows.size());
    assertEquals("w0", rows.get(0).key());
    assertEquals(List.of("mse", "label", "station"), List.copyOf(rows.get(0).values().keySet()));
    assertEquals(0.25, rows.get(0).number("mse"));
    assertEquals("CH.BALST", rows.get(0).get("station"));
    assertEquals(List.of("mse", "label"), List.copyOf(rows.get(1).values().keySet()));
    assertEquals(1.5, rows.get(1).number("mse"), "a further value never replaces a column");
    assertEquals("gap", rows.get(1).get("label"));
    assertEquals(rows.get(1), scored().row(1));
  }

  @Test
  void rowsOfAnyColumnsComeBackEqual() {
    List<Row> rows = List.of(new Row("a", Map.of("x", 1.0)), new Row("b", Map.of("y", "text", "z", 3L)));
    RowBatch b = RowBatch.of(rows);
    assertEquals(2, b.size());
    assertEquals(rows, b.rows());
    assertEquals(0, RowBatch.of(List.of()).size());
  }

  @Test
  void columnsOfTheWrongLengthOrTypeAreRefused() {
    String[] keys = {"a", "b"};
    IllegalArgumentException shortColumn = assertThrows(IllegalArgumentException.class,
        () -> new RowBatch(keys, List.of("mse"), List.of(new double[] {1}), List.of(Map.of(), Map.of())));
    assertEquals("column mse has 1 values for 2 rows", shortColumn.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new RowBatch(keys, List.of("mse"), List.of(new float[] {1, 2}), List.of(Map.of(), Map.of())));
    assertThrows(IllegalArgumentException.class,
        () -> new RowBatch(keys, List.of("mse", "e"), List.of(new double[] {1, 2}), List.of(Map.of(), Map.of())));
    assertThrows(IllegalArgumentException.class, () -> new RowBatch(keys, List.of(), List.of(), List.of(Map.of())));
  }

  @Test
  void survivesJavaSerializationAsTheCoderUsesIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scored());
    }
    RowBatch back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (RowBatch) in.readObject();
    }
    assertEquals(scored().rows(), back.rows());
    assertTrue(Arrays.equals(new String[] {"w0", "w1"}, back.keys()));
  }
}
