package org.moho.io.grid;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Whitespace- (or comma-) separated tokens of a text file with the byte offset of each, so that a
 * text grid can be indexed once and then read a band of rows at a time by seeking.
 */
final class TextTokens {
  private final InputStream in;
  private long pos;
  private long tokenStart;

  TextTokens(FileChannel channel, long start) throws IOException {
    this.in = new BufferedInputStream(Channels.newInputStream(channel.position(start)), 1 << 16);
    this.pos = start;
  }

  private static boolean separator(int c) {
    return c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n' || c == ';';
  }

  /** The next token, or null at the end of the file. */
  String next() throws IOException {
    int c = in.read();
    pos++;
    while (c >= 0 && separator(c)) {
      c = in.read();
      pos++;
    }
    if (c < 0) return null;
    tokenStart = pos - 1;
    StringBuilder b = new StringBuilder();
    while (c >= 0 && !separator(c)) {
      b.append((char) c);
      c = in.read();
      pos++;
    }
    return b.toString(); // the separator that ended it is consumed, which no caller needs
  }

  /** The byte offset where the last token returned by {@link #next()} starts. */
  long tokenStart() {
    return tokenStart;
  }

  /** Parses a value as text grids write it ("NaN" in any case included). */
  static double parseDouble(String token) throws IOException {
    try {
      return token.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw new IOException("'" + token + "' is not a number");
    }
  }
}
