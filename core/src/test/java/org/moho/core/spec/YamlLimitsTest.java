package org.moho.core.spec;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The YAML limits hold: bombs, deep nesting, huge documents and long scalars fail fast with a message. */
class YamlLimitsTest {
  private static String read(String yaml) {
    Problems p = new Problems();
    YNode n = new YamlReader().read(Path.of("t.yaml"), yaml.getBytes(StandardCharsets.UTF_8), p);
    assertNull(n, "must be refused");
    return p.all().toString();
  }

  @Test
  void aBillionLaughsIsRefusedQuickly() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      b.append("]\n");
    }
    String msg = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(b.toString()));
    assertTrue(msg.contains("alias") || msg.contains("expands to more than"), msg);
  }

  @Test
  void aBombWithinTheAliasCountIsRefusedBeforeAnyExpansion() {
    // 6 levels of 8 aliases: 48 aliases (under the 50 allowed) expanding to 8^6 = 262,144 values.
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 6; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 8; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      b.append("]\n");
    }
    String msg = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(b.toString()));
    assertTrue(msg.contains("t.yaml:1:1: error: the document expands to more than 100000 values"), msg);
  }

  @Test
  void anAnchorUsedInsideItselfIsRefused() {
    String msg = read("a: &a [1, *a]\n");
    assertTrue(msg.contains("recursive alias"), msg);
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String msg = read("a: " + deep);
    assertTrue(msg.contains("nesting") || msg.contains("deep"), msg);
  }

  @Test
  void aHugeDocumentIsRefusedBeforeParsing() {
    String huge = "a: " + "x".repeat(2 << 20);
    String msg = read(huge);
    assertTrue(msg.contains("at most"), msg);
  }

  @Test
  void aVeryLongScalarIsRefused() {
    String msg = read("a: " + "y".repeat(100_000));
    assertTrue(msg.contains("characters"), msg);
  }

  @Test
  void noJavaTypeCanBeNamed() {
    // The classic SnakeYAML gadget: a tag naming a Java class is refused outright, nothing is constructed.
    String msg = read("a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]\n");
    assertTrue(msg.contains("tag"), msg);
  }

  @Test
  void plainScalarsFollowTheYaml12CoreSchema() {
    Problems p = new Problems();
    YNode.Mapping m = (YNode.Mapping) new YamlReader().read(Path.of("t.yaml"),
        "country: NO\nflag: on\nn: 12\nx: 1.5e3\nq: '12'\nt: true\nz: ~\n".getBytes(StandardCharsets.UTF_8), p);
    assertTrue(((YNode.Scalar) m.get("country")).value().equals("NO"));
    assertTrue(((YNode.Scalar) m.get("flag")).value().equals("on"));
    assertTrue(((YNode.Scalar) m.get("n")).value().equals(12L));
    assertTrue(((YNode.Scalar) m.get("x")).value().equals(1500.0));
    assertTrue(((YNode.Scalar) m.get("q")).value().equals("12"));
    assertTrue(((YNode.Scalar) m.get("t")).value().equals(Boolean.TRUE));
    assertNull(((YNode.Scalar) m.get("z")).value());
  }
}
