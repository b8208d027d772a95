package org.moho.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moho.core.data.ErrorRecord;
import org.moho.core.data.Row;

/** table.read's parsing on the real viscoag/KS3.csv header and rows, broken the way TableReadFuzzTest found. */
class TableLinesTest {
  static final TableLines.Settings DEFAULTS = new TableLines.Settings(
      "auto", Map.of(), List.of("", "NA", "NaN", "nan", "null", "N/A"), "#", List.of(), 1000);

  static List<Object> read(String text) throws IOException {
    List<Object> out = new ArrayList<>();
    int[] lines = {0};
    TableLines.read(new BufferedReader(new StringReader(text)), "KS3.csv", "t", DEFAULTS, new TableLines.Sink() {
      @Override
      public void row(Row row) {
        out.add(row);
      }

      @Override
      public void error(ErrorRecord error) {
        out.add(error);
      }

      @Override
      public void line() {
        lines[0]++;
      }
    });
    assertEquals(lines[0], out.size(), "every counted line is a row or an error");
    return out;
  }

  @Test
  void theRealFileReadsIntoRows() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(System.getProperty("moho.repo")).resolve("data/glass/viscoag/KS3.csv")).subList(0, 4);
    List<Object> out = read(String.join("\n", lines));
    assertEquals(3, out.size());
    assertEquals(75.0, ((Row) out.get(0)).get("mol% SiO2"));
  }

  @Test
  void anUnclosedQuoteInTheHeaderIsOneErrorForTheFile() throws IOException {
    // the fuzzer's input: a header quote that never closes used to escape as IllegalArgumentException
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(System.getProperty("moho.repo")).resolve("data/glass/viscoag/KS3.csv")).subList(0, 4));
    lines.set(0, lines.get(0).replace("Tg (K)", "\"Tg (K)"));
    List<Object> out = read(String.join("\n", lines));
    assertEquals(1, out.size());
    ErrorRecord e = (ErrorRecord) out.get(0);
    assertEquals("KS3.csv:1", e.key());
    assertEquals("the header line: unclosed quote; the file is not read", e.reason());
  }
}
