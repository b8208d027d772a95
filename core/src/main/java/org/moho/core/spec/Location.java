package org.moho.core.spec;

import java.io.Serializable;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;

/** A place in a spec file, 1-based, printed as {@code file:line:column}. */
public record Location(String file, int line, int column) implements Serializable, Comparable<Location> {
  public static final Location NONE = new Location("<none>", 0, 0);

  public static Location of(Path file, Mark mark) {
    return new Location(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** A location outside any file, e.g. the command line. */
  public static Location of(String where) {
    return new Location(where, 0, 0);
  }

  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** This location as seen from {@code from}: "line 3, column 9" in the same file, else in full. */
  public String relativeTo(Location from) {
    return from != null && from.file.equals(file) && line > 0 ? "line " + line + ", column " + column : toString();
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
