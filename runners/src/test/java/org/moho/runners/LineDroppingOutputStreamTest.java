package org.moho.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDroppingOutputStreamTest {
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(new LineDroppingOutputStream(sink, Moho.LIBRARY_CHATTER), true, StandardCharsets.UTF_8);

  private String passed() {
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dropsSameDiffsLinesAndPassesEverythingElse() {
    out.println("Running seamounts (28 stages) on direct");
    out.println("Added differentiated op reduce_sum");
    out.println("Added differentiated op matmul_1");
    out.println("stage  type  in  out  errors — µ");
    assertEquals("Running seamounts (28 stages) on direct\nstage  type  in  out  errors — µ\n", passed().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void progressRedrawnWithCarriageReturnsPassesAsItIsWritten() {
    out.print("train  10% [=   ]\r");
    assertEquals("train  10% [=   ]\r", passed());
    out.print("train  20% [==  ]");
    out.flush();
    assertEquals("train  10% [=   ]\rtrain  20% [==  ]", passed(), "a partial line that cannot be chatter is passed on flush");
  }

  @Test
  void aPartialLineThatMayBeChatterWaitsForItsEnd() {
    out.print("Added diff");
    out.flush();
    assertEquals("", passed());
    out.print("erentiated op tanh\n");
    out.print("Added value 3\n");
    assertEquals("Added value 3\n", passed());
  }
}
