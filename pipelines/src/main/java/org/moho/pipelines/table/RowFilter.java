package org.moho.pipelines.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.moho.core.data.Row;
import org.moho.core.stage.RecordException;

/**
 * A row predicate parsed from a small expression language:
 * {@code T > 1000 and (sio2 >= 50 or name == 'albite') and not h2o is missing}.
 * Comparisons: {@code < <= > >= == != =}; values are numbers, quoted text or column names;
 * {@code and}, {@code or}, {@code not}, parentheses, {@code COL is missing}, {@code COL is not missing}.
 * A comparison with a missing value is false. A column the row does not have is an error.
 */
public final class RowFilter implements Serializable {
  /** A syntax error at a character position (1-based) of the expression. */
  public static final class SyntaxError extends IllegalArgumentException {
    SyntaxError(String message) {
      super(message);
    }
  }

  private interface Node extends Serializable {
    boolean test(Row row) throws RecordException;
  }

  private interface Operand extends Serializable {
    Object value(Row row) throws RecordException;
  }

  private final String text;
  private final Node root;
  private final Set<String> columns;

  private RowFilter(String text, Node root, Set<String> columns) {
    this.text = text;
    this.root = root;
    this.columns = columns;
  }

  public static RowFilter parse(String text) {
    Parser p = new Parser(text);
    Node n = p.or();
    if (p.peek() != null) throw p.error("unexpected '" + p.peek().text + "'");
    return new RowFilter(text, n, new TreeSet<>(p.columns));
  }

  public boolean test(Row row) throws RecordException {
    return root.test(row);
  }

  /** The columns the expression reads. */
  public Set<String> columns() {
    return columns;
  }

  @Override
  public String toString() {
    return text;
  }

  private record Token(String kind, String text, int pos) {}

  private static final class Parser {
    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private int at;

    Parser(String src) {
      this.src = src;
      lex();
    }

    private void lex() {
      int i = 0;
      while (i < src.length()) {
        char c = src.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '(' || c == ')') {
          tokens.add(new Token(String.valueOf(c), String.valueOf(c), i));
          i++;
        } else if ("<>=!".indexOf(c) >= 0) {
          int s = i++;
          if (i < src.length() && src.charAt(i) == '=') i++;
          String op = src.substring(s, i);
          if (op.equals("!")) throw new SyntaxError("at column " + (s + 1) + ": '!' must be followed by '=' (use 'not' to negate)");
          tokens.add(new Token("op", op, s));
        } else if (c == '\'' || c == '"') {
          int s = i++;
          StringBuilder b = new StringBuilder();
          while (i < src.length() && src.charAt(i) != c) b.append(src.charAt(i++));
          if (i >= src.length()) throw new SyntaxError("at column " + (s + 1) + ": unclosed quote");
          i++;
          tokens.add(new Token("str", b.toString(), s));
        } else if (Character.isDigit(c) || ((c == '-' || c == '.') && i + 1 < src.length() && (Character.isDigit(src.charAt(i + 1)) || src.charAt(i + 1) == '.'))) {
          int s = i++;
          while (i < src.length() && (Character.isDigit(src.charAt(i)) || ".eE".indexOf(src.charAt(i)) >= 0
              || ((src.charAt(i) == '-' || src.charAt(i) == '+') && "eE".indexOf(src.charAt(i - 1)) >= 0))) i++;
          String num = src.substring(s, i);
          try {
            Double.parseDouble(num);
          } catch (NumberFormatException e) {
            throw new SyntaxError("at column " + (s + 1) + ": '" + num + "' is not a number");
          }
          tokens.add(new Token("num", num, s));
        } else if (Character.isLetter(c) || c == '_') {
          int s = i;
          while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '.')) i++;
          String word = src.substring(s, i);
          String lower = word.toLowerCase(java.util.Locale.ROOT);
          boolean keyword = Set.of("and", "or", "not", "is", "missing").contains(lower);
          tokens.add(new Token(keyword ? lower : "id", word, s));
        } else {
          throw new SyntaxError("at column " + (i + 1) + ": unexpected character '" + c + "'");
        }
      }
    }

    Token peek() {
      return at < tokens.size() ? tokens.get(at) : null;
    }

    boolean accept(String kind) {
      Token t = peek();
      if (t != null && t.kind.equals(kind)) {
        at++;
        return true;
      }
      return false;
    }

    SyntaxError error(String what) {
      Token t = peek();
      int col = t == null ? src.length() + 1 : t.pos + 1;
      return new SyntaxError("at column " + col + ": " + what);
    }

    Node or() {
      Node left = and();
      while (accept("or")) {
        Node l = left, r = and();
        left = row -> l.test(row) || r.test(row);
      }
      return left;
    }

    Node and() {
      Node left = not();
      while (accept("and")) {
        Node l = left, r = not();
        left = row -> l.test(row) && r.test(row);
      }
      return left;
    }

    Node not() {
      if (accept("not")) {
        Node n = not();
        return row -> !n.test(row);
      }
      return comparison();
    }

    Node comparison() {
      if (accept("(")) {
        Node n = or();
        if (!accept(")")) throw error("expected ')'");
        return n;
      }
      Token first = peek();
      Operand left = operand();
      if (accept("is")) {
        if (!"id".equals(first.kind)) throw error("'is missing' applies to a column name");
        boolean negate = accept("not");
        if (!accept("missing")) throw error("expected 'missing' after 'is'");
        Operand l = left;
        return row -> (l.value(row) == null) != negate;
      }
      Token op = peek();
      if (op == null || !op.kind.equals("op")) {
        throw error(op == null ? "expected a comparison such as '>' after '" + first.text + "'" : "expected a comparison operator, got '" + op.text + "'");
      }
      at++;
      Operand right = operand();
      String o = op.text;
      if (!Set.of("<", "<=", ">", ">=", "==", "!=", "=").contains(o)) throw new SyntaxError("at column " + (op.pos + 1) + ": unknown operator '" + o + "'");
      return row -> compare(left.value(row), right.value(row), o);
    }

    Operand operand() {
      Token t = peek();
      if (t == null) throw error("expected a column, a number or quoted text");
      at++;
      switch (t.kind) {
        case "num": {
          double v = Double.parseDouble(t.text);
          return row -> v;
        }
        case "str": {
          String v = t.text;
          return row -> v;
        }
        case "id": {
          String col = t.text;
          columns.add(col);
          return row -> {
            if (!row.has(col)) throw new RecordException("no column '" + col + "' (the row has " + String.join(", ", row.values().keySet()) + ")");
            return row.get(col);
          };
        }
        default:
          at--;
          throw error("expected a column, a number or quoted text, got '" + t.text + "'");
      }
    }
  }

  private static boolean compare(Object a, Object b, String op) {
    if (a == null || b == null) return false;
    int c;
    if (a instanceof Number x && b instanceof Number y) {
      double dx = x.doubleValue(), dy = y.doubleValue();
      if (Double.isNaN(dx) || Double.isNaN(dy)) return false;
      c = Double.compare(dx, dy);
    } else {
      c = a.toString().compareTo(b.toString());
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "==", "=" -> c == 0;
      case "!=" -> c != 0;
      default -> throw new IllegalStateException(op);
    };
  }
}
