package org.moho.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON line per measurement, the peers' format (flat object of numbers, strings, number lists). */
final class Json {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Json line(String benchCase, String impl) {
    Json j = new Json();
    return j.put("case", benchCase).put("peer", impl);
  }

  Json put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  void print() {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (b.length() > 1) b.append(", ");
      b.append('"').append(e.getKey()).append("\": ").append(value(e.getValue()));
    }
    System.out.println(b.append('}'));
    System.out.flush();
  }

  private static String value(Object v) {
    if (v instanceof String s) return '"' + s.replace("\"", "'") + '"';
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : l) b.append(b.length() > 1 ? ", " : "").append(value(o));
      return b.append(']').toString();
    }
    if (v instanceof Double d) return String.format(java.util.Locale.ROOT, "%.6g", d);
    return String.valueOf(v);
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
