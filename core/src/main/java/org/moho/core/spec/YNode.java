package org.moho.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value with the location it came from. Moho reads specs into this small tree (never into
 * arbitrary Java objects), so every later message can name file:line:column.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Mapping, YNode.Sequence {
  Location location();

  /** "a string", "a number", "a mapping", ... for messages. */
  String kind();

  /**
   * A scalar: {@code value} is a String, Long, Double, Boolean or null, as YAML's core schema
   * resolves the plain text; quoted text is always a String.
   */
  record Scalar(Object value, Location location) implements YNode {
    public String text() {
      return value == null ? "" : value.toString();
    }

    @Override
    public String kind() {
      if (value == null) return "null";
      if (value instanceof Boolean) return "a boolean";
      if (value instanceof Long) return "an integer";
      if (value instanceof Double) return "a number";
      return "a string";
    }
  }

  /** A mapping entry: the key's text and location, and its value. */
  record Entry(String key, Location keyLocation, YNode value) {}

  record Mapping(List<Entry> entries, Location location) implements YNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public YNode get(String key) {
      for (Entry e : entries) if (e.key().equals(key)) return e.value();
      return null;
    }

    public Entry entry(String key) {
      for (Entry e : entries) if (e.key().equals(key)) return e;
      return null;
    }

    public boolean has(String key) {
      return get(key) != null;
    }

    public Map<String, YNode> asMap() {
      Map<String, YNode> m = new LinkedHashMap<>();
      for (Entry e : entries) m.put(e.key(), e.value());
      return m;
    }

    /** Reports every key not in {@code allowed}, with a did-you-mean hint. */
    public void checkKeys(Set<String> allowed, String where, Problems problems) {
      for (Entry e : entries) {
        if (!allowed.contains(e.key())) {
          problems.error(e.keyLocation(), "unknown key '" + e.key() + "' in " + where
              + Suggestions.didYouMean(e.key(), allowed) + "; expected one of " + String.join(", ", allowed));
        }
      }
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  record Sequence(List<YNode> items, Location location) implements YNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** Plain Java values (String/Long/Double/Boolean/null, List, Map) for printing and run.json. */
  static Object toPlain(YNode node) {
    if (node instanceof Scalar s) return s.value();
    if (node instanceof Sequence q) {
      List<Object> out = new ArrayList<>();
      for (YNode n : q.items()) out.add(toPlain(n));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : ((Mapping) node).entries()) out.put(e.key(), toPlain(e.value()));
    return out;
  }
}
