package org.moho.core.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resolves the value of every declared param from its default and the {@code -p} overrides. */
public final class Params {
  private Params() {}

  /**
   * Typed values by name: an override (text, checked against the param's type; paths resolve
   * against {@code cwd}) wins over the default. An override for an undeclared param, an ill-typed
   * override and a required param without a value are errors.
   */
  public static Map<String, Object> resolve(
      PipelineSpec spec, Map<String, String> overrides, Path cwd, Problems problems) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      Location at = Location.of("-p " + o.getKey() + "=" + o.getValue());
      ParamSpec p = spec.params().get(o.getKey());
      if (p == null) {
        problems.error(at, "unknown param '" + o.getKey() + "'" + Suggestions.didYouMean(o.getKey(), spec.params().keySet())
            + (spec.params().isEmpty() ? "; the spec declares no params" : "; declared: " + String.join(", ", spec.params().keySet())));
        continue;
      }
      try {
        values.put(p.name(), p.type().parse(o.getValue(), cwd));
      } catch (IllegalArgumentException e) {
        problems.error(at, "param '" + p.name() + "' is " + p.type().yamlName() + ": " + e.getMessage());
      }
    }
    for (ParamSpec p : spec.params().values()) {
      if (values.containsKey(p.name()) || overrides.containsKey(p.name())) continue;
      if (p.required()) {
        problems.error(p.location(), "param '" + p.name() + "' has no default and no value; give it with -p "
            + p.name() + "=VALUE");
      } else {
        values.put(p.name(), p.defaultValue());
      }
    }
    return values;
  }
}
