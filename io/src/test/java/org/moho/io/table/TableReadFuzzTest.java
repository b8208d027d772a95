package org.moho.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;

/**
 * Bytes → table.read's parsing ({@link TableLines}) with the default settings (delimiter sniffed
 * from the header, types inferred). Must hold: no exception escapes, and every data line counted
 * ends as exactly one row or one error record with a reason. Seeds: the first lines of the
 * data/glass files (README.md beside them) plus crashing inputs once found and fixed.
 */
class TableReadFuzzTest {
  private static final TableLines.Settings DEFAULTS = new TableLines.Settings(
      "auto", Map.of(), List.of("", "NA", "NaN", "nan", "null", "N/A"), "#", List.of(), 1000);

  @FuzzTest(maxDuration = "30s")
  void csv(byte[] bytes) throws IOException {
    long[] counts = new long[3]; // lines, rows, errors
    BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    TableLines.read(r, "fuzz.csv", "t", DEFAULTS, new TableLines.Sink() {
      @Override
      public void row(Row row) {
        assertNotNull(row.key());
        counts[1]++;
      }

      @Override
      public void error(ErrorRecord error) {
        assertNotNull(error.reason());
        counts[2]++;
      }

      @Override
      public void line() {
        counts[0]++;
      }
    });
    assertEquals(counts[0], counts[1] + counts[2], "every data line is a row or an error");
  }
}
