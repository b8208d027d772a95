package org.moho.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.RecordBatch;
import org.moho.core.data.Row;
import org.moho.core.data.RowBatch;

/** The run summary counts records: a batch counts as the records it holds. */
class BatchCountTest {
  @Test
  void aBatchCountsAsItsRecords() {
    FeatureVector v = new FeatureVector("a", new float[] {1, 2}, Map.of());
    assertEquals(1, PipelineCompiler.CountFn.records(v));
    assertEquals(3, PipelineCompiler.CountFn.records(RecordBatch.of(List.of(v, v, v))));
    assertEquals(0, PipelineCompiler.CountFn.records(RowBatch.of(List.of())));
    assertEquals(2, PipelineCompiler.CountFn.records(RowBatch.of(List.of(new Row("a", Map.of()), new Row("b", Map.of())))));
  }
}
