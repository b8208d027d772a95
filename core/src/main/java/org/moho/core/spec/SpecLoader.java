package org.moho.core.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a pipeline spec and the files it includes into a {@link PipelineSpec}, checking its
 * structure: known keys, required keys, value kinds, stage ids and param declarations. Every
 * problem is collected; {@link #load} throws one {@link SpecException} listing all of them.
 *
 * <p>{@code include:} files are resolved against the including file's folder and merged (their
 * params and stages join the spec's). An include cycle is reported, never followed. Unless
 * {@code allowOutside} is set, an include may not leave the top spec's folder, so a shared spec
 * cannot pull in arbitrary files.
 */
public final class SpecLoader {
  static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("pipeline", "params", "include", "stages"));
  static final Set<String> INCLUDED_KEYS = new LinkedHashSet<>(List.of("params", "include", "stages"));
  static final Set<String> PIPELINE_KEYS = new LinkedHashSet<>(List.of("name", "description"));
  static final Set<String> PARAM_KEYS = new LinkedHashSet<>(List.of("type", "default", "description"));
  static final Set<String> STAGE_KEYS = new LinkedHashSet<>(List.of("id", "use", "from", "with"));
  static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private final YamlReader reader;
  private final boolean allowOutside;

  public SpecLoader(YamlReader reader, boolean allowOutside) {
    this.reader = reader;
    this.allowOutside = allowOutside;
  }

  public SpecLoader() {
    this(new YamlReader(), false);
  }

  public PipelineSpec load(Path file) {
    Problems problems = new Problems();
    PipelineSpec spec = load(file, problems);
    problems.throwIfErrors();
    return spec;
  }

  /** Loads what can be loaded; every problem goes to {@code problems}. */
  public PipelineSpec load(Path file, Problems problems) {
    Path top = canonical(file);
    State state = new State(top.getParent(), problems);
    String[] nameAndDescription = {null, ""};
    state.visit(top, true, nameAndDescription, new ArrayDeque<>(), Location.of(top.toString()));
    String name = nameAndDescription[0] != null ? nameAndDescription[0] : stripExtension(top.getFileName().toString());
    return new PipelineSpec(top, name, nameAndDescription[1], state.params, state.stages, new ArrayList<>(state.files));
  }

  private static String stripExtension(String f) {
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  private static Path canonical(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  private final class State {
    final Path root;
    final Problems problems;
    final Map<String, ParamSpec> params = new LinkedHashMap<>();
    final List<StageSpec> stages = new ArrayList<>();
    final Map<String, Location> stageIds = new LinkedHashMap<>();
    final Set<Path> files = new LinkedHashSet<>();

    State(Path root, Problems problems) {
      this.root = root;
      this.problems = problems;
    }

    void visit(Path file, boolean isTop, String[] nameOut, Deque<Path> chain, Location includedAt) {
      if (chain.contains(file)) {
        List<String> cycle = new ArrayList<>();
        boolean on = false;
        for (java.util.Iterator<Path> it = chain.descendingIterator(); it.hasNext(); ) {
          Path p = it.next();
          if (p.equals(file)) on = true;
          if (on) cycle.add(p.getFileName().toString());
        }
        cycle.add(file.getFileName().toString());
        problems.error(includedAt, "include cycle: " + String.join(" -> ", cycle));
        return;
      }
      if (!files.add(file)) return; // included twice (a diamond): its content is already merged
      YNode doc = reader.read(file, problems);
      if (doc == null) return;
      if (!(doc instanceof YNode.Mapping top)) {
        problems.error(doc.location(), "expected a mapping with keys " + String.join(", ", isTop ? TOP_KEYS : INCLUDED_KEYS)
            + ", got " + doc.kind());
        return;
      }
      top.checkKeys(isTop ? TOP_KEYS : INCLUDED_KEYS, isTop ? "the spec" : "an included file", problems);
      if (isTop) {
        readPipeline(top, nameOut);
      }
      Path base = file.getParent();
      readParams(top.get("params"), base);
      YNode inc = top.get("include");
      if (inc != null) {
        List<YNode> items = inc instanceof YNode.Sequence q ? q.items() : List.of(inc);
        for (YNode item : items) {
          if (!(item instanceof YNode.Scalar s) || !(s.value() instanceof String path) || path.isBlank()) {
            problems.error(item.location(), "'include' takes a file path or a list of them, got " + item.kind());
            continue;
          }
          Path target;
          try {
            target = canonical(base.resolve(path));
          } catch (java.nio.file.InvalidPathException e) {
            // a NUL character: found by SpecLoaderFuzzTest, where it escaped as an exception
            problems.error(item.location(), "include '" + path.replace("\0", "\\0") + "' is not a usable path: " + e.getReason());
            continue;
          }
          if (!allowOutside && !target.startsWith(root)) {
            problems.error(item.location(), "include '" + path + "' is outside the spec's folder; pass --allow-outside to allow it");
            continue;
          }
          if (!java.nio.file.Files.isRegularFile(target)) {
            problems.error(item.location(), "include '" + path + "': no such file");
            continue;
          }
          chain.push(file);
          visit(target, false, nameOut, chain, item.location());
          chain.pop();
        }
      }
      YNode st = top.get("stages");
      if (st == null) {
        if (isTop) problems.error(top.location(), "missing required key 'stages' (the list of stages)");
      } else if (!(st instanceof YNode.Sequence q)) {
        problems.error(st.location(), "'stages' must be a list of stages, got " + st.kind());
      } else {
        if (isTop && q.items().isEmpty() && stages.isEmpty()) {
          problems.error(q.location(), "'stages' is empty; a pipeline needs at least one stage");
        }
        for (YNode item : q.items()) readStage(item, base);
      }
    }

    void readPipeline(YNode.Mapping top, String[] out) {
      YNode p = top.get("pipeline");
      if (p == null) {
        problems.error(top.location(), "missing required key 'pipeline' (with 'name' and 'description')");
        return;
      }
      if (!(p instanceof YNode.Mapping m)) {
        problems.error(p.location(), "'pipeline' must be a mapping with 'name' and 'description', got " + p.kind());
        return;
      }
      m.checkKeys(PIPELINE_KEYS, "'pipeline'", problems);
      out[0] = string(m, "name", true);
      String d = string(m, "description", false);
      out[1] = d == null ? "" : d;
    }

    void readParams(YNode node, Path base) {
      if (node == null) return;
      if (!(node instanceof YNode.Mapping m)) {
        problems.error(node.location(), "'params' must be a mapping of name to {type, default, description}, got " + node.kind());
        return;
      }
      for (YNode.Entry e : m.entries()) {
        String name = e.key();
        if (!ID.matcher(name).matches() || name.equals("out") || name.equals("env")) {
          problems.error(e.keyLocation(), "param name '" + name + "' is not allowed; use letters, digits, '_' and '-'"
              + " ('out' and 'env' are reserved)");
          continue;
        }
        if (params.containsKey(name)) {
          problems.error(e.keyLocation(), "param '" + name + "' is declared twice (first at " + params.get(name).location().relativeTo(e.keyLocation()) + ")");
          continue;
        }
        if (!(e.value() instanceof YNode.Mapping pm)) {
          problems.error(e.value().location(), "param '" + name + "' must be a mapping with 'type' and optionally 'default' and 'description', got "
              + e.value().kind());
          continue;
        }
        pm.checkKeys(PARAM_KEYS, "param '" + name + "'", problems);
        String typeName = string(pm, "type", true);
        if (typeName == null) continue;
        ParamType type;
        try {
          type = ParamType.valueOf(typeName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          problems.error(pm.get("type").location(), "unknown param type '" + typeName + "'; expected one of " + ParamType.names());
          continue;
        }
        Object dflt = null;
        YNode d = pm.get("default");
        if (d != null && !(d instanceof YNode.Scalar s && s.value() == null)) {
          try {
            dflt = type.coerce(d, base);
          } catch (IllegalArgumentException ex) {
            problems.error(d.location(), "default of param '" + name + "' (" + type.yamlName() + "): " + ex.getMessage());
            continue;
          }
        }
        String desc = string(pm, "description", false);
        params.put(name, new ParamSpec(name, type, dflt, desc == null ? "" : desc, e.keyLocation(), base));
      }
    }

    void readStage(YNode item, Path base) {
      if (!(item instanceof YNode.Mapping m)) {
        problems.error(item.location(), "a stage must be a mapping with 'id', 'use', 'from' and 'with', got " + item.kind());
        return;
      }
      m.checkKeys(STAGE_KEYS, "a stage", problems);
      String id = string(m, "id", true);
      String use = string(m, "use", true);
      if (id != null && !ID.matcher(id).matches()) {
        problems.error(m.get("id").location(), "stage id '" + id + "' must start with a letter and hold only letters, digits, '_' and '-'");
        id = null;
      }
      if (id != null && stageIds.containsKey(id)) {
        problems.error(m.get("id").location(), "duplicate stage id '" + id + "' (first at " + stageIds.get(id).relativeTo(m.get("id").location()) + ")");
        id = null;
      }
      if (id != null) stageIds.put(id, m.get("id").location());
      List<InputRef> from = new ArrayList<>();
      YNode f = m.get("from");
      if (f != null) {
        List<YNode> refs = f instanceof YNode.Sequence q ? q.items() : List.of(f);
        for (YNode r : refs) {
          if (r instanceof YNode.Scalar s && s.value() instanceof String text && !text.isBlank()) {
            from.add(InputRef.parse(text, r.location()));
          } else {
            problems.error(r.location(), "'from' takes a stage id or a list of them, got " + r.kind());
          }
        }
      }
      YNode w = m.get("with");
      YNode.Mapping with;
      if (w == null || (w instanceof YNode.Scalar s && s.value() == null)) {
        with = new YNode.Mapping(List.of(), w == null ? m.location() : w.location());
      } else if (w instanceof YNode.Mapping wm) {
        with = wm;
      } else {
        problems.error(w.location(), "'with' must be a mapping of the stage's settings, got " + w.kind());
        with = new YNode.Mapping(List.of(), w.location());
      }
      if (id != null && use != null) {
        stages.add(new StageSpec(id, use, from, with, m.location(), m.get("use").location(), base));
      }
    }

    String string(YNode.Mapping m, String key, boolean required) {
      YNode v = m.get(key);
      if (v == null) {
        if (required) problems.error(m.location(), "missing required key '" + key + "'");
        return null;
      }
      if (v instanceof YNode.Scalar s && s.value() instanceof String str && !str.isBlank()) return str;
      if (v instanceof YNode.Scalar s && s.value() != null && !(s.value() instanceof String)) {
        return s.text(); // e.g. a name written as a number
      }
      problems.error(v.location(), "'" + key + "' must be text, got " + v.kind());
      return null;
    }
  }
}
