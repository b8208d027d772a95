package org.moho.runners;

import java.util.List;
import org.moho.core.graph.PipelineGraph;
import org.moho.core.graph.StageNode;
import org.moho.core.spec.InputRef;
import org.moho.core.stage.ConfigBinder;

/** The resolved graph of a spec as text, Graphviz dot or Mermaid. */
final class GraphRenderer {
  enum Format {
    TEXT,
    DOT,
    MERMAID
  }

  private GraphRenderer() {}

  static String render(PipelineGraph g, Format f) {
    return switch (f) {
      case TEXT -> text(g);
      case DOT -> dot(g);
      case MERMAID -> mermaid(g);
    };
  }

  private static String text(PipelineGraph g) {
    StringBuilder b = new StringBuilder();
    b.append("pipeline ").append(g.spec().name());
    if (!g.spec().description().isBlank()) b.append(": ").append(g.spec().description());
    b.append('\n');
    if (!g.params().isEmpty()) {
      b.append("params:\n");
      g.params().forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append('\n'));
    }
    b.append("output folder: ").append(g.outFolder()).append('\n');
    b.append("stages (in run order):\n");
    for (StageNode n : g.stages()) {
      b.append("  ").append(n.id()).append(": ").append(n.use()).append(" -> ").append(n.type().output().getSimpleName());
      List<InputRef> in = n.inputs();
      if (!in.isEmpty()) b.append("  from ").append(String.join(", ", in.stream().map(InputRef::toString).toList()));
      b.append('\n');
      for (var c : n.config().getClass().getRecordComponents()) {
        try {
          b.append("      ").append(ConfigBinder.yamlKey(c.getName())).append(": ").append(c.getAccessor().invoke(n.config())).append('\n');
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return b.toString();
  }

  private static String dot(PipelineGraph g) {
    StringBuilder b = new StringBuilder("digraph \"" + g.spec().name() + "\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    for (StageNode n : g.stages()) {
      b.append("  \"").append(n.id()).append("\" [label=\"").append(n.id()).append("\\n").append(n.use()).append("\"];\n");
    }
    for (StageNode n : g.stages()) {
      for (InputRef r : n.inputs()) {
        b.append("  \"").append(r.stage()).append("\" -> \"").append(n.id()).append('"');
        b.append(r.errors() ? " [label=\"errors\", style=dashed, color=red];\n" : ";\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static String mermaid(PipelineGraph g) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    for (StageNode n : g.stages()) {
      b.append("  ").append(safe(n.id())).append("[\"").append(n.id()).append("<br/>").append(n.use()).append("\"]\n");
    }
    for (StageNode n : g.stages()) {
      for (InputRef r : n.inputs()) {
        b.append("  ").append(safe(r.stage())).append(r.errors() ? " -. errors .-> " : " --> ").append(safe(n.id())).append('\n');
      }
    }
    return b.toString();
  }

  private static String safe(String id) {
    return id.replace('-', '_');
  }
}
