package org.moho.core.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML file into a {@link YNode} tree, safely. SnakeYAML only <em>composes</em> the
 * document (no Java object is ever constructed, so no type can be named from a spec), and every
 * resource is bounded: file size, aliases, nesting depth, the number of nodes after aliases are
 * expanded, and scalar length. Plain scalars follow the YAML 1.2 core schema, so {@code no} and
 * {@code on} stay strings (the "Norway problem" of YAML 1.1).
 */
public final class YamlReader {
  /** Limits a spec must keep. Generous for any real pipeline; small enough to refuse a bomb fast. */
  public record Limits(int maxBytes, int maxAliases, int maxDepth, int maxNodes, int maxScalarChars) {
    public static final Limits DEFAULT = new Limits(1 << 20, 50, 64, 100_000, 65_536);
  }

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private final Limits limits;

  public YamlReader(Limits limits) {
    this.limits = limits;
  }

  public YamlReader() {
    this(Limits.DEFAULT);
  }

  /** Reads and converts a file; problems go to {@code problems} and null is returned. */
  public YNode read(Path file, Problems problems) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        problems.error(Location.of(file.toString()), "is a folder, not a YAML file");
        return null;
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        problems.error(Location.of(file.toString()),
            "file is " + size + " bytes; a spec may be at most " + limits.maxBytes() + " bytes");
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.error(Location.of(file.toString()), "file not found");
      return null;
    } catch (IOException e) {
      problems.error(Location.of(file.toString()), "cannot read file: " + e.getMessage());
      return null;
    }
    return read(file, bytes, problems);
  }

  /** Converts bytes that came from {@code file} (used for messages and by the fuzzer). */
  public YNode read(Path file, byte[] bytes, Problems problems) {
    if (bytes.length > limits.maxBytes()) {
      problems.error(Location.of(file.toString()),
          "file is " + bytes.length + " bytes; a spec may be at most " + limits.maxBytes() + " bytes");
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.error(Location.of(file.toString()), "is not UTF-8 text");
      return null;
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxBytes());
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    DumperOptions dump = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location at = mark != null ? Location.of(file, mark) : Location.of(file.toString());
      String context = e.getContext() != null ? " " + e.getContext() : "";
      problems.error(at, "YAML syntax error: " + e.getProblem() + context);
      return null;
    } catch (YAMLException e) {
      problems.error(Location.of(file.toString()), "YAML error: " + limitMessage(e.getMessage()));
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      problems.error(Location.of(file.toString()), "YAML error: nesting or size beyond what a spec may hold");
      return null;
    }
    if (root == null) {
      problems.error(new Location(file.toString(), 1, 1), "the file is empty; expected a mapping with a 'stages' list");
      return null;
    }
    // Size the expanded tree on the composed graph first (each distinct node once), so that an
    // alias bomb is refused without building any of its expansion.
    try {
      expandedSize(root, 0, new java.util.IdentityHashMap<>());
    } catch (TooLarge e) {
      problems.error(Location.of(file, root.getStartMark()), e.getMessage());
      return null;
    }
    Converter c = new Converter(file, problems);
    try {
      return c.convert(root, 0);
    } catch (TooLarge e) {
      problems.error(Location.of(file, root.getStartMark()), e.getMessage());
      return null;
    }
  }

  /** The number of values {@code node} expands to, memoised per node; throws past the limits. */
  private long expandedSize(Node node, int depth, java.util.IdentityHashMap<Node, Long> memo) {
    if (depth > limits.maxDepth()) throw new TooLarge("nesting deeper than " + limits.maxDepth() + " levels");
    Long known = memo.get(node);
    if (known != null) {
      if (known < 0) throw new TooLarge("a recursive alias (an anchor used inside itself) at line " + (node.getStartMark().getLine() + 1));
      return known;
    }
    memo.put(node, -1L);
    long n = 1;
    if (node instanceof SequenceNode q) {
      for (Node c : q.getValue()) n += expandedSize(c, depth + 1, memo);
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) n += expandedSize(t.getValueNode(), depth + 1, memo); // keys become text
    }
    if (n > limits.maxNodes()) {
      throw new TooLarge("the document expands to more than " + limits.maxNodes()
          + " values (aliases are expanded); a spec must be smaller");
    }
    memo.put(node, n);
    return n;
  }

  private static String limitMessage(String m) {
    if (m == null) return "unreadable";
    if (m.contains("Number of aliases")) return "too many aliases (an alias bomb?): " + m;
    if (m.contains("Nesting Depth")) return "nesting too deep: " + m;
    if (m.contains("code points")) return "document too large: " + m;
    return m;
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge(String m) {
      super(m, null, false, false);
    }
  }

  private final class Converter {
    private final Path file;
    private final Problems problems;
    private int nodes;
    private final Map<Node, Integer> expanding = new HashMap<>();

    Converter(Path file, Problems problems) {
      this.file = file;
      this.problems = problems;
    }

    YNode convert(Node node, int depth) {
      if (++nodes > limits.maxNodes()) {
        throw new TooLarge("the document expands to more than " + limits.maxNodes()
            + " values (aliases are expanded); a spec must be smaller");
      }
      if (depth > limits.maxDepth()) {
        throw new TooLarge("nesting deeper than " + limits.maxDepth() + " levels");
      }
      Location at = Location.of(file, node.getStartMark());
      if (node instanceof ScalarNode s) {
        if (s.getValue().length() > limits.maxScalarChars()) {
          throw new TooLarge("a value of " + s.getValue().length() + " characters at " + at
              + " is longer than the " + limits.maxScalarChars() + " allowed");
        }
        return new YNode.Scalar(resolve(s), at);
      }
      if (node instanceof SequenceNode q) {
        List<YNode> items = new ArrayList<>();
        for (Node n : q.getValue()) items.add(convert(n, depth + 1));
        return new YNode.Sequence(items, at);
      }
      MappingNode m = (MappingNode) node;
      if (expanding.merge(m, 1, Integer::sum) > 1) {
        throw new TooLarge("a recursive alias at " + at);
      }
      try {
        List<YNode.Entry> entries = new ArrayList<>();
        List<YNode.Entry> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
          Node k = t.getKeyNode();
          Location keyAt = Location.of(file, k.getStartMark());
          if (k.getTag().equals(Tag.MERGE)) {
            collectMerge(t.getValueNode(), depth, merged);
            continue;
          }
          if (!(k instanceof ScalarNode ks)) {
            problems.error(keyAt, "a key must be plain text, not " + (k instanceof MappingNode ? "a mapping" : "a list"));
            continue;
          }
          String key = ks.getValue();
          YNode.Entry previous = entries.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
          if (previous != null) {
            problems.error(keyAt, "duplicate key '" + key + "' (first at " + previous.keyLocation().relativeTo(keyAt) + ")");
            continue;
          }
          entries.add(new YNode.Entry(key, keyAt, convert(t.getValueNode(), depth + 1)));
        }
        for (YNode.Entry e : merged) {
          if (entries.stream().noneMatch(x -> x.key().equals(e.key()))) entries.add(e);
        }
        return new YNode.Mapping(entries, at);
      } finally {
        expanding.merge(m, -1, Integer::sum);
      }
    }

    private void collectMerge(Node value, int depth, List<YNode.Entry> into) {
      YNode v = convert(value, depth + 1);
      List<YNode> sources = v instanceof YNode.Sequence s ? s.items() : List.of(v);
      for (YNode src : sources) {
        if (src instanceof YNode.Mapping mm) {
          for (YNode.Entry e : mm.entries()) {
            if (into.stream().noneMatch(x -> x.key().equals(e.key()))) into.add(e);
          }
        } else {
          problems.error(src.location(), "'<<' merges mappings only, got " + src.kind());
        }
      }
    }

    /** YAML 1.2 core schema for plain scalars; quoted scalars are always strings. */
    private Object resolve(ScalarNode s) {
      String v = s.getValue();
      if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return v;
      switch (v) {
        case "", "~", "null", "Null", "NULL":
          return null;
        case "true", "True", "TRUE":
          return Boolean.TRUE;
        case "false", "False", "FALSE":
          return Boolean.FALSE;
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
          return Double.POSITIVE_INFINITY;
        case "-.inf", "-.Inf", "-.INF":
          return Double.NEGATIVE_INFINITY;
        case ".nan", ".NaN", ".NAN":
          return Double.NaN;
        default:
          break;
      }
      try {
        if (INT.matcher(v).matches()) return Long.parseLong(v);
        if (HEX.matcher(v).matches()) return Long.parseLong(v.substring(2), 16);
      } catch (NumberFormatException e) {
        return Double.parseDouble(v); // an integer beyond 64 bits
      }
      if (FLOAT.matcher(v).matches()) return Double.parseDouble(v);
      return v;
    }
  }
}
