package org.moho.pipelines.evaluate;

import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for metric files: maps, lists, numbers (NaN and infinities become null,
 * which JSON lacks), strings, booleans. Hand-written because the values are flat and few.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, "");
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object v, String indent) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      b.append(Double.isFinite(d) ? Double.toString(d) : "null"); // 1.0E-5 is valid JSON
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      String in = indent + "  ";
      b.append("{");
      int k = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(k++ == 0 ? "\n" : ",\n").append(in);
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), in);
      }
      b.append(k == 0 ? "}" : "\n" + indent + "}");
    } else if (v instanceof List<?> l) {
      boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
      b.append("[");
      String in = indent + "  ";
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) b.append(flat ? ", " : ",");
        if (!flat) b.append("\n").append(in);
        write(b, l.get(i), in);
      }
      b.append(flat || l.isEmpty() ? "]" : "\n" + indent + "]");
    } else if (v instanceof double[] a) {
      write(b, java.util.Arrays.stream(a).boxed().toList(), indent);
    } else {
      string(b, v.toString());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    b.append('"');
  }
}
