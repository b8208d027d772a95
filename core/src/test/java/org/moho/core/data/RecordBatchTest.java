package org.moho.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class RecordBatchTest {
  @Test
  void patchesKeepTheirCentresAndAttributes() throws Exception {
    Patch a = new Patch("a", 170.5, 20.25, 2, new float[] {1, 2, 3, 4}, Map.of("units", "m"));
    Patch b = new Patch("b", -120, -5.5, 2, new float[] {5, 6, 7, 8}, Map.of());
    RecordBatch batch = RecordBatch.of(List.of(a, b));
    assertTrue(batch.isPatches());
    assertEquals(2, batch.size());
    assertEquals(4, batch.width());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, batch.values());
    RecordBatch copy = CoderUtils.clone(SerializableCoder.of(RecordBatch.class), batch);
    for (RecordBatch x : List.of(batch, copy)) {
      Patch back = (Patch) x.record(1);
      assertEquals("b", back.key());
      assertEquals(-120, back.lon());
      assertEquals(-5.5, back.lat());
      assertEquals(2, back.size());
      assertArrayEquals(b.values(), back.values());
      assertEquals(Map.of("units", "m"), ((Patch) x.record(0)).attributes());
    }
  }

  @Test
  void featureVectorsKeepTheirMetadata() {
    FeatureVector v = new FeatureVector("CRLZ:0", new float[] {0.5f, -1}, Map.of("station", "CRLZ"));
    RecordBatch batch = RecordBatch.of(List.of(v));
    assertFalse(batch.isPatches());
    FeatureVector back = (FeatureVector) batch.record(0);
    assertEquals("CRLZ:0", back.key());
    assertEquals(Map.of("station", "CRLZ"), back.metadata());
    assertArrayEquals(v.values(), back.values());
  }

  @Test
  void recordsOfAnotherWidthOrMissingValuesAreRefused() {
    FeatureVector two = new FeatureVector("a", new float[2], Map.of());
    FeatureVector three = new FeatureVector("b", new float[3], Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordBatch.of(List.of(two, three)));
    assertEquals("record b has 3 values, the batch 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RecordBatch(new String[] {"a"}, 2, new float[3], List.of(Map.of()), null, null));
  }
}
