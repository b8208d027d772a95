package org.moho.core.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moho.core.data.ErrorRecord;
import org.moho.core.files.PathPolicy;
import org.moho.core.spec.InputRef;
import org.moho.core.spec.Interpolator;
import org.moho.core.spec.ParamSpec;
import org.moho.core.spec.Params;
import org.moho.core.spec.PipelineSpec;
import org.moho.core.spec.Problems;
import org.moho.core.spec.StageSpec;
import org.moho.core.spec.Suggestions;
import org.moho.core.spec.YNode;
import org.moho.core.stage.ConfigBinder;
import org.moho.core.stage.Port;
import org.moho.core.stage.StageRegistry;
import org.moho.core.stage.StageType;

/**
 * Checks a loaded spec against the registered stage types and builds its {@link PipelineGraph}:
 * params and {@code -p} overrides, {@code ${...}} references, stage types (with the nearest
 * registered names), every config block, {@code from} references and cycles, the number and
 * element types of each stage's inputs. Nothing is read or run. All problems are reported at once.
 * Built with {@link #GraphBuilder(StageRegistry, boolean)}, as the CLI does, every path (path
 * params and Path-typed settings, inputs and outputs alike) must lie in the spec's folder, the
 * working folder, the output folder or a path given with {@code -p}, unless {@code allowOutside}
 * ({@link PathPolicy}).
 */
public final class GraphBuilder {
  private final StageRegistry registry;
  private final boolean allowOutside;

  private final boolean confine;

  /**
   * For library use and tests, where the caller wrote the spec: paths are not confined. The CLI
   * uses {@link #GraphBuilder(StageRegistry, boolean)}.
   */
  public GraphBuilder(StageRegistry registry) {
    this.registry = registry;
    this.allowOutside = true;
    this.confine = false;
  }

  /**
   * For specs from anywhere (the CLI): paths must stay in the spec's folder, the working folder,
   * the output folder or a path the user gave with {@code -p} ({@link PathPolicy}), unless
   * {@code allowOutside} ({@code --allow-outside}).
   */
  public GraphBuilder(StageRegistry registry, boolean allowOutside) {
    this.registry = registry;
    this.allowOutside = allowOutside;
    this.confine = true;
  }

  /** The graph, or a {@link org.moho.core.spec.SpecException} listing every problem. */
  public PipelineGraph build(PipelineSpec spec, Map<String, String> overrides, Path outFolder, Map<String, String> env, Path cwd) {
    Problems problems = new Problems();
    PipelineGraph g = build(spec, overrides, outFolder, env, cwd, problems);
    problems.throwIfErrors();
    return g;
  }

  public PipelineGraph build(
      PipelineSpec spec, Map<String, String> overrides, Path outFolder, Map<String, String> env, Path cwd, Problems problems) {
    Map<String, Object> params = Params.resolve(spec, overrides, cwd, problems);
    PathPolicy paths = PathPolicy.UNRESTRICTED;
    if (confine) {
      // a path typed with -p is the user's own choice, not the spec's: it is allowed as given
      List<Path> roots = new ArrayList<>(List.of(spec.file().getParent(), cwd, outFolder));
      for (String name : overrides.keySet()) if (params.get(name) instanceof Path p) roots.add(p);
      paths = PathPolicy.within(allowOutside, roots.toArray(Path[]::new));
      checkPathParams(spec, overrides, params, paths, problems);
    }
    Set<String> used = new HashSet<>();
    Interpolator interpolator = new Interpolator(params, spec.params().keySet(), outFolder, env, problems, used);

    Map<String, StageSpec> byId = new LinkedHashMap<>();
    for (StageSpec s : spec.stages()) byId.put(s.id(), s);

    Map<String, StageNode> nodes = new LinkedHashMap<>();
    for (StageSpec s : spec.stages()) {
      int before = problems.errors().size();
      YNode.Mapping with = (YNode.Mapping) interpolator.apply(s.with());
      boolean unresolved = problems.errors().size() > before || hasUnresolved(with, spec.params().keySet());
      StageType<?> type = registry.find(s.use()).orElse(null);
      if (type == null) {
        List<String> near = Suggestions.nearest(s.use(), registry.names(), 3);
        problems.error(s.useLocation(), "unknown stage type '" + s.use() + "'"
            + (near.isEmpty() ? "; run 'moho stages' to list them" : "; nearest: " + String.join(", ", near)));
        checkRefs(s, byId, problems);
        continue;
      }
      String where = "stage '" + s.id() + "' (" + s.use() + ")";
      // A block with an unresolved ${...} was reported already; binding it would only repeat that.
      Record config = unresolved ? null : new ConfigBinder(s.base(), where, problems, paths).bind(type.configType(), with);
      checkRefs(s, byId, problems);
      List<List<InputRef>> ports = assignPorts(s, type, where, problems);
      if (config != null && ports != null) nodes.put(s.id(), new StageNode(s, type, config, ports));
    }

    checkTypes(nodes, byId.keySet(), problems);
    List<StageNode> order = topologicalOrder(spec, problems);
    for (ParamSpec p : spec.params().values()) {
      if (!used.contains(p.name())) problems.warning(p.location(), "param '" + p.name() + "' is declared but never used");
    }
    List<StageNode> ordered = new ArrayList<>();
    for (StageNode n : order) if (nodes.containsKey(n.id())) ordered.add(nodes.get(n.id()));
    return new PipelineGraph(spec, params, outFolder, ordered, problems.warnings());
  }

  /** A path param's default must be allowed too, even if no Path key uses it. */
  private static void checkPathParams(
      PipelineSpec spec, Map<String, String> overrides, Map<String, Object> params, PathPolicy paths, Problems problems) {
    for (ParamSpec p : spec.params().values()) {
      if (!overrides.containsKey(p.name()) && params.get(p.name()) instanceof Path value && !paths.allows(value)) {
        problems.error(p.location(), "param '" + p.name() + "' is " + value
            + ", outside the spec's folder, the working folder and the output folder; pass --allow-outside to allow it");
      }
    }
  }

  private static void checkRefs(StageSpec s, Map<String, StageSpec> byId, Problems problems) {
    for (InputRef r : s.from()) {
      if (r.stage().equals(s.id())) {
        problems.error(r.location(), "stage '" + s.id() + "' reads its own output");
      } else if (!byId.containsKey(r.stage())) {
        problems.error(r.location(), "'from' names unknown stage '" + r.stage() + "'" + Suggestions.didYouMean(r.stage(), byId.keySet()));
      }
    }
  }

  private static List<List<InputRef>> assignPorts(StageSpec s, StageType<?> type, String where, Problems problems) {
    List<Port> ports = type.inputs();
    List<InputRef> from = s.from();
    List<List<InputRef>> out = new ArrayList<>();
    if (ports.isEmpty()) {
      if (!from.isEmpty()) {
        problems.error(from.get(0).location(), where + " reads no input, but 'from' names " + from);
        return null;
      }
      return out;
    }
    int required = (int) ports.stream().filter(p -> !p.optional()).count();
    boolean lastMany = ports.get(ports.size() - 1).many();
    if (from.size() < required || (!lastMany && from.size() > ports.size())) {
      String expected = ports.stream().map(p -> p.name() + " (" + p.type().getSimpleName() + (p.many() ? ", one or more" : "")
          + (p.optional() ? ", optional" : "") + ")").reduce((a, b) -> a + ", " + b).orElse("");
      problems.error(from.isEmpty() ? s.location() : from.get(0).location(),
          where + " takes " + (lastMany ? "at least " + required : required == ports.size() ? String.valueOf(required) : required + " to " + ports.size())
              + " input" + (required == 1 && !lastMany ? "" : "s") + " in 'from': " + expected + "; got " + from.size());
      return null;
    }
    for (int i = 0; i < ports.size(); i++) {
      if (i >= from.size()) {
        out.add(List.of());
      } else if (i == ports.size() - 1 && ports.get(i).many()) {
        out.add(List.copyOf(from.subList(i, from.size())));
      } else {
        out.add(List.of(from.get(i)));
      }
    }
    return out;
  }

  private static boolean hasUnresolved(YNode node, Set<String> declared) {
    if (node instanceof YNode.Mapping m) return m.entries().stream().anyMatch(e -> hasUnresolved(e.value(), declared));
    if (node instanceof YNode.Sequence q) return q.items().stream().anyMatch(n -> hasUnresolved(n, declared));
    Object v = ((YNode.Scalar) node).value();
    if (!(v instanceof String text)) return false;
    for (String name : declared) if (text.contains("${" + name + "}")) return true;
    return false;
  }

  private static void checkTypes(Map<String, StageNode> nodes, Set<String> ids, Problems problems) {
    for (StageNode n : nodes.values()) {
      List<Port> ports = n.type().inputs();
      for (int i = 0; i < ports.size(); i++) {
        Port p = ports.get(i);
        for (InputRef r : n.ports().get(i)) {
          Class<?> produced;
          String producer;
          if (!ids.contains(r.stage())) continue; // an unknown stage, reported elsewhere
          if (r.errors()) {
            produced = ErrorRecord.class;
            producer = "'" + r + "' (errors of " + (nodes.containsKey(r.stage()) ? nodes.get(r.stage()).use() : "?") + ")";
          } else {
            StageNode up = nodes.get(r.stage());
            if (up == null) continue; // reported elsewhere
            produced = up.type().output();
            producer = "'" + r.stage() + "' (" + up.use() + ")";
          }
          if (!p.type().isAssignableFrom(produced)) {
            problems.error(r.location(), "stage '" + n.id() + "' (" + n.use() + ") input '" + p.name() + "' takes "
                + p.type().getSimpleName() + ", but " + producer + " produces " + produced.getSimpleName());
          }
        }
      }
    }
  }

  /** Kahn's algorithm in spec order; stages on a cycle are reported with the cycle spelled out. */
  private static List<StageNode> topologicalOrder(PipelineSpec spec, Problems problems) {
    Map<String, StageSpec> byId = new LinkedHashMap<>();
    for (StageSpec s : spec.stages()) byId.put(s.id(), s);
    Map<String, Integer> indegree = new HashMap<>();
    for (StageSpec s : spec.stages()) {
      int d = 0;
      for (InputRef r : new LinkedHashSet<>(s.from())) if (byId.containsKey(r.stage()) && !r.stage().equals(s.id())) d++;
      indegree.put(s.id(), d);
    }
    List<StageNode> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (StageSpec s : spec.stages()) {
        if (done.contains(s.id())) continue;
        boolean ready = s.from().stream()
            .filter(r -> byId.containsKey(r.stage()) && !r.stage().equals(s.id()))
            .allMatch(r -> done.contains(r.stage()));
        if (ready) {
          done.add(s.id());
          order.add(new StageNode(s, null, null, List.of()));
          progress = true;
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (StageSpec s : spec.stages()) {
      if (done.contains(s.id()) || reported.contains(s.id())) continue;
      List<String> cycle = findCycle(s.id(), byId);
      if (cycle.isEmpty()) continue; // downstream of a cycle: the cycle itself is reported
      reported.addAll(cycle);
      StageSpec first = byId.get(cycle.get(0));
      InputRef ref = first.from().stream().filter(r -> r.stage().equals(cycle.get(1 % cycle.size()))).findFirst().orElse(null);
      List<String> shown = new ArrayList<>(cycle);
      shown.add(cycle.get(0));
      problems.error(ref != null ? ref.location() : first.location(), "cycle in 'from': " + String.join(" <- ", shown));
    }
    return order;
  }

  private static List<String> findCycle(String start, Map<String, StageSpec> byId) {
    List<String> path = new ArrayList<>();
    return dfs(start, start, byId, path, new HashSet<>()) ? path : List.of();
  }

  private static boolean dfs(String at, String target, Map<String, StageSpec> byId, List<String> path, Set<String> seen) {
    path.add(at);
    for (InputRef r : byId.get(at).from()) {
      if (!byId.containsKey(r.stage()) || r.stage().equals(at)) continue;
      if (r.stage().equals(target)) return true;
      if (seen.add(r.stage()) && dfs(r.stage(), target, byId, path, seen)) return true;
    }
    path.remove(path.size() - 1);
    return false;
  }
}
