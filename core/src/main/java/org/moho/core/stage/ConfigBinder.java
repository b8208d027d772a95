package org.moho.core.stage;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.moho.core.files.PathPolicy;
import org.moho.core.spec.Location;
import org.moho.core.spec.Problems;
import org.moho.core.spec.Suggestions;
import org.moho.core.spec.YNode;
import org.moho.core.spec.YamlReader;

/**
 * Binds a stage's {@code with:} block to its config record, key for key. YAML keys are the
 * record components in snake_case ({@code minDistanceKm} ↔ {@code min_distance_km}). Unknown keys
 * are rejected with a did-you-mean, missing keys take their {@link Default} (or are reported as
 * required), values are checked against the component's type, and the record's own validation
 * ({@link ConfigException}) is reported at the key it names.
 *
 * <p>Supported types: String, int, long, double, float, boolean (and boxes), {@link Path}
 * (relative to the spec's folder), enums (written in lower case, '-' for '_'), {@code List<T>},
 * {@code Map<String, T>} and nested records. A {@link PathPolicy} may confine Path values (data
 * read and outputs written alike) to the folders a spec is allowed to touch.
 */
public final class ConfigBinder {
  /** One documented key of a config record, for {@code moho stages} and docs/stages.md. */
  public record KeyDoc(String key, String type, String defaultValue, boolean required, String doc) {}

  private final Path base;
  private final String where;
  private final Problems problems;
  private final PathPolicy paths;

  public ConfigBinder(Path base, String where, Problems problems) {
    this(base, where, problems, PathPolicy.UNRESTRICTED);
  }

  /** A binder whose {@link Path} values must be allowed by {@code paths} (else a problem at the key). */
  public ConfigBinder(Path base, String where, Problems problems, PathPolicy paths) {
    this.base = base;
    this.where = where;
    this.problems = problems;
    this.paths = paths;
  }

  /** The bound record, or null when any problem was found (all of them are reported). */
  public <C extends Record> C bind(Class<C> type, YNode.Mapping with) {
    Object v = bindRecord(type, with, "");
    return type.cast(v);
  }

  public static String yamlKey(String component) {
    StringBuilder b = new StringBuilder();
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) b.append('_').append(Character.toLowerCase(c));
      else b.append(c);
    }
    return b.toString();
  }

  public static String yamlName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private Object bindRecord(Class<?> type, YNode.Mapping with, String prefix) {
    RecordComponent[] comps = type.getRecordComponents();
    Set<String> keys = new LinkedHashSet<>();
    for (RecordComponent c : comps) keys.add(yamlKey(c.getName()));
    int before = problems.errors().size();
    for (YNode.Entry e : with.entries()) {
      if (!keys.contains(e.key())) {
        problems.error(e.keyLocation(), where + ": unknown key '" + prefix + e.key() + "'"
            + Suggestions.didYouMean(e.key(), keys) + "; allowed: " + String.join(", ", keys));
      }
    }
    Object[] args = new Object[comps.length];
    for (int i = 0; i < comps.length; i++) {
      RecordComponent c = comps[i];
      String key = yamlKey(c.getName());
      YNode node = with.get(key);
      if (node instanceof YNode.Scalar s && s.value() == null) node = null;
      if (node == null) {
        Default d = c.getAnnotation(Default.class);
        if (d == null) {
          problems.error(with.location(), where + ": missing required key '" + prefix + key + "'"
              + describeExpected(c.getGenericType()));
          continue;
        }
        if (d.value().equals(Default.NONE)) {
          if (c.getType().isPrimitive()) throw new IllegalStateException(type + "." + c.getName() + ": primitive without default");
          continue;
        }
        node = parseDefault(d.value(), type, c);
        ConfigBinder quiet = new ConfigBinder(base, where, new Problems());
        args[i] = quiet.value(c.getGenericType(), node, prefix + key);
        continue;
      }
      args[i] = value(c.getGenericType(), node, prefix + key);
    }
    if (problems.errors().size() > before) return null;
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(Arrays.stream(comps).map(RecordComponent::getType).toArray(Class[]::new));
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException ce) {
        YNode.Entry entry = with.entry(ce.key());
        Location at = entry != null ? entry.value().location() : with.location();
        problems.error(at, where + ": '" + prefix + ce.key() + "' " + ce.getMessage());
      } else if (cause instanceof IllegalArgumentException) {
        problems.error(with.location(), where + ": " + cause.getMessage());
      } else {
        throw new IllegalStateException("config " + type.getName() + " failed to build", cause);
      }
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("config " + type.getName() + " must be a public record", e);
    }
  }

  private static YNode parseDefault(String text, Class<?> type, RecordComponent c) {
    Problems p = new Problems();
    YNode n = new YamlReader().read(Path.of("@Default of " + type.getSimpleName() + "." + c.getName()),
        text.getBytes(StandardCharsets.UTF_8), p);
    if (p.hasErrors() || n == null) throw new IllegalStateException("bad @Default: " + p.all());
    return n;
  }

  private Object value(Type t, YNode node, String key) {
    Class<?> raw = raw(t);
    if (raw == List.class) {
      Type item = ((ParameterizedType) t).getActualTypeArguments()[0];
      List<YNode> items = node instanceof YNode.Sequence q ? q.items() : List.of(node);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) out.add(value(item, items.get(i), key + "[" + i + "]"));
      return out.contains(null) ? null : List.copyOf(out);
    }
    if (raw == Map.class) {
      Type item = ((ParameterizedType) t).getActualTypeArguments()[1];
      if (!(node instanceof YNode.Mapping m)) return wrong(node, key, "a mapping");
      Map<String, Object> out = new LinkedHashMap<>();
      for (YNode.Entry e : m.entries()) out.put(e.key(), value(item, e.value(), key + "." + e.key()));
      return java.util.Collections.unmodifiableMap(out);
    }
    if (raw.isRecord()) {
      if (!(node instanceof YNode.Mapping m)) return wrong(node, key, "a mapping");
      return bindRecord(raw, m, key + ".");
    }
    if (!(node instanceof YNode.Scalar s) || s.value() == null) {
      return wrong(node, key, describe(t));
    }
    Object v = s.value();
    if (raw == String.class) {
      return s.text();
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      if (v instanceof Long l) {
        if ((raw == int.class || raw == Integer.class) && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
          return wrong(node, key, "an integer within ±2147483647");
        }
        return raw == int.class || raw == Integer.class ? (Object) l.intValue() : l;
      }
      return wrong(node, key, "an integer");
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      if (v instanceof Number n) return raw == float.class || raw == Float.class ? (Object) n.floatValue() : n.doubleValue();
      return wrong(node, key, "a number");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (v instanceof Boolean) return v;
      return wrong(node, key, "true or false");
    }
    if (raw == Path.class) {
      if (!(v instanceof String str) || str.isBlank()) return wrong(node, key, "a path");
      Path p;
      try {
        p = base.resolve(str).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        // a NUL character: found by SpecLoaderFuzzTest, where it escaped as an exception
        problems.error(node.location(), where + ": '" + key + "' is not a usable path: " + e.getReason());
        return null;
      }
      if (!paths.allows(p)) {
        problems.error(node.location(), where + ": '" + key + "' is '" + str + "', which is " + p
            + ", outside the spec's folder, the working folder and the output folder; pass --allow-outside to allow it");
        return null;
      }
      return p;
    }
    if (raw.isEnum()) {
      String text = s.text().trim().replace('-', '_');
      for (Object c : raw.getEnumConstants()) {
        if (((Enum<?>) c).name().equalsIgnoreCase(text)) return c;
      }
      List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList();
      problems.error(node.location(), where + ": '" + key + "' is '" + s.text() + "'; expected one of "
          + String.join(", ", names) + Suggestions.didYouMean(s.text(), names));
      return null;
    }
    throw new IllegalStateException("config type " + t + " is not supported by the binder");
  }

  private Object wrong(YNode node, String key, String expected) {
    String got = node instanceof YNode.Scalar s && s.value() != null ? node.kind() + " '" + s.text() + "'" : node.kind();
    problems.error(node.location(), where + ": '" + key + "' expected " + expected + ", got " + got);
    return null;
  }

  private static String describeExpected(Type t) {
    return " (" + describe(t) + ")";
  }

  private static Class<?> raw(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }

  /** The type as a user reads it: "an integer", "a list of numbers", "one of csv, jsonl". */
  public static String describe(Type t) {
    Class<?> raw = raw(t);
    if (raw == List.class) return "a list of " + plural(((ParameterizedType) t).getActualTypeArguments()[0]);
    if (raw == Map.class) return "a mapping";
    if (raw.isRecord()) return "a mapping";
    if (raw == String.class) return "a string";
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) return "an integer";
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) return "a number";
    if (raw == boolean.class || raw == Boolean.class) return "true or false";
    if (raw == Path.class) return "a path";
    if (raw.isEnum()) {
      return "one of " + String.join(", ", Arrays.stream(raw.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList());
    }
    return raw.getSimpleName();
  }

  private static String plural(Type t) {
    String d = describe(t);
    return switch (d) {
      case "a string" -> "strings";
      case "an integer" -> "integers";
      case "a number" -> "numbers";
      case "a path" -> "paths";
      case "a mapping" -> "mappings";
      default -> d;
    };
  }

  /** Short type names for the stage reference table. */
  public static String typeName(Type t) {
    Class<?> raw = raw(t);
    if (raw == List.class) return "list of " + typeName(((ParameterizedType) t).getActualTypeArguments()[0]);
    if (raw == Map.class) return "map";
    if (raw.isRecord()) return "mapping";
    if (raw == String.class) return "string";
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) return "int";
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) return "float";
    if (raw == boolean.class || raw == Boolean.class) return "bool";
    if (raw == Path.class) return "path";
    if (raw.isEnum()) {
      return String.join(" \\| ", Arrays.stream(raw.getEnumConstants()).map(c -> yamlName((Enum<?>) c)).toList());
    }
    return raw.getSimpleName();
  }

  /** Every key of a config record (nested records flattened as {@code a.b}). */
  public static List<KeyDoc> describeKeys(Class<?> type) {
    List<KeyDoc> out = new ArrayList<>();
    describeKeys(type, "", out);
    return out;
  }

  private static void describeKeys(Class<?> type, String prefix, List<KeyDoc> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + yamlKey(c.getName());
      Default d = c.getAnnotation(Default.class);
      Doc doc = c.getAnnotation(Doc.class);
      String dv = d == null ? null : d.value().equals(Default.NONE) ? "" : d.value();
      out.add(new KeyDoc(key, typeName(c.getGenericType()), dv, d == null, doc == null ? "" : doc.value()));
      if (c.getType().isRecord()) describeKeys(c.getType(), key + ".", out);
    }
  }
}
