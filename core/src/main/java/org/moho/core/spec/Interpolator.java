package org.moho.core.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} (a param), {@code ${env.NAME}} (an environment variable) and
 * {@code ${out}} (the run's output folder) in the scalars of a {@code with:} block. A scalar that
 * is exactly one reference takes the param's typed value (an int stays an int, a list becomes a
 * list); inside longer text the value is spliced in as text. {@code $${} writes a literal
 * {@code ${}.
 */
public final class Interpolator {
  private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

  private final Map<String, Object> params;
  private final Path out;
  private final Map<String, String> env;
  private final Problems problems;
  private final Set<String> used;
  private final Set<String> declared;

  /**
   * @param params the resolved values; a declared param may be absent when its value was
   *     already reported as a problem (required but not given, or ill-typed), and then its
   *     references are left alone rather than reported again
   */
  public Interpolator(Map<String, Object> params, Set<String> declared, Path out, Map<String, String> env, Problems problems,
      Set<String> used) {
    this.params = params;
    this.declared = declared;
    this.out = out;
    this.env = env;
    this.problems = problems;
    this.used = used;
  }

  public YNode apply(YNode node) {
    if (node instanceof YNode.Mapping m) {
      List<YNode.Entry> entries = new ArrayList<>();
      for (YNode.Entry e : m.entries()) entries.add(new YNode.Entry(e.key(), e.keyLocation(), apply(e.value())));
      return new YNode.Mapping(entries, m.location());
    }
    if (node instanceof YNode.Sequence q) {
      List<YNode> items = new ArrayList<>();
      for (YNode n : q.items()) items.add(apply(n));
      return new YNode.Sequence(items, q.location());
    }
    YNode.Scalar s = (YNode.Scalar) node;
    if (!(s.value() instanceof String text) || !text.contains("${")) return s;
    Matcher m = REF.matcher(text);
    if (m.matches() && m.group(1) != null) {
      Object v = lookup(m.group(1).trim(), s.location());
      return v == null ? s : typed(v, s.location());
    }
    StringBuilder b = new StringBuilder();
    int last = 0;
    m.reset();
    while (m.find()) {
      b.append(text, last, m.start());
      if (m.group(1) == null) {
        b.append("${");
      } else {
        Object v = lookup(m.group(1).trim(), s.location());
        b.append(v == null ? m.group() : asText(v));
      }
      last = m.end();
    }
    b.append(text.substring(last));
    return new YNode.Scalar(b.toString(), s.location());
  }

  private Object lookup(String name, Location at) {
    if (name.equals("out")) return out;
    if (name.startsWith("env.")) {
      String var = name.substring(4);
      String v = env.get(var);
      if (v == null) problems.error(at, "environment variable '" + var + "' is not set (used as ${" + name + "})");
      return v;
    }
    if (!params.containsKey(name) && declared.contains(name)) {
      used.add(name);
      return null;
    }
    if (!params.containsKey(name)) {
      problems.error(at, "unknown param '" + name + "' in ${" + name + "}" + Suggestions.didYouMean(name, params.keySet()));
      return null;
    }
    used.add(name);
    return params.get(name);
  }

  private static YNode typed(Object v, Location at) {
    if (v instanceof List<?> list) {
      List<YNode> items = new ArrayList<>();
      for (Object o : list) items.add(new YNode.Scalar(o, at));
      return new YNode.Sequence(items, at);
    }
    if (v instanceof Path p) return new YNode.Scalar(p.toString(), at);
    if (v instanceof Integer i) return new YNode.Scalar(i.longValue(), at);
    return new YNode.Scalar(v, at);
  }

  private static String asText(Object v) {
    if (v instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(v);
  }
}
