package org.moho.core.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The types a pipeline param may have. Each coerces YAML values and {@code -p} text. */
public enum ParamType {
  STRING,
  INT,
  FLOAT,
  BOOL,
  PATH,
  LIST;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(ParamType::yamlName).toList());
  }

  /**
   * The typed value of a YAML node, or throws {@link IllegalArgumentException} saying what was
   * expected. Paths are resolved against {@code base}.
   */
  public Object coerce(YNode node, Path base) {
    if (this == LIST) {
      if (node instanceof YNode.Sequence q) {
        List<Object> out = new ArrayList<>();
        for (YNode n : q.items()) {
          if (!(n instanceof YNode.Scalar s)) throw new IllegalArgumentException("expected a list of plain values, got " + n.kind() + " inside it");
          // An empty item ("[a, ]", or an anchor with nothing after it) has no value: say so rather
          // than let a null into the list (fuzzer finding, kept as a regression seed).
          if (s.value() == null) throw new IllegalArgumentException("expected a list of plain values, got an empty item at position " + (out.size() + 1));
          out.add(s.value());
        }
        return List.copyOf(out);
      }
      throw new IllegalArgumentException("expected a list, got " + node.kind());
    }
    if (!(node instanceof YNode.Scalar s) || s.value() == null) {
      throw new IllegalArgumentException("expected " + article() + ", got " + node.kind());
    }
    Object v = s.value();
    switch (this) {
      case STRING:
        return v.toString();
      case INT:
        if (v instanceof Long) return v;
        throw new IllegalArgumentException("expected an integer, got " + s.kind() + " '" + s.text() + "'");
      case FLOAT:
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("expected a number, got " + s.kind() + " '" + s.text() + "'");
      case BOOL:
        if (v instanceof Boolean) return v;
        throw new IllegalArgumentException("expected true or false, got " + s.kind() + " '" + s.text() + "'");
      case PATH:
        if (v instanceof String str && !str.isBlank()) return base.resolve(str).normalize();
        throw new IllegalArgumentException("expected a path, got " + s.kind() + " '" + s.text() + "'");
      default:
        throw new AssertionError(this);
    }
  }

  /** The typed value of {@code -p name=text}; paths resolve against {@code cwd}. */
  public Object parse(String text, Path cwd) {
    switch (this) {
      case STRING:
        return text;
      case INT:
        try {
          return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not an integer");
        }
      case FLOAT:
        try {
          return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a number");
        }
      case BOOL:
        if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
        throw new IllegalArgumentException("'" + text + "' is not true or false");
      case PATH:
        if (text.isBlank()) throw new IllegalArgumentException("an empty path");
        return cwd.resolve(text).normalize();
      case LIST:
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.isBlank()) return List.of();
        return Arrays.stream(t.split(",")).map(String::trim).map(ParamType::plain).toList();
      default:
        throw new AssertionError(this);
    }
  }

  private static Object plain(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e2) {
        return s;
      }
    }
  }

  private String article() {
    return switch (this) {
      case INT -> "an integer";
      case FLOAT -> "a number";
      case BOOL -> "true or false";
      case PATH -> "a path";
      case STRING -> "a string";
      case LIST -> "a list";
    };
  }
}
