package org.moho.io.grid;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Whitespace- (or comma-) separated tokens of a text file with the byte offset of each, so that
 * text grids can be indexed once and then read a band of rows at a time by seeking.
 */
final class TextTokens {
  private final InputStream in;
  private long pos;
  private long tokenStart;
  private int lineBreaks;
  private int peeked = -2;

  TextTokens(FileChannel channel, long start) throws IOException {
    this.in = new BufferedInputStream(Channels.newInputStream(channel.position(start)), 1 << 16);
    this.pos = start;
  }

  private int read() throws IOException {
    int c;
    if (peeked != -2) {
      c = peeked;
      peeked = -2;
    } else {
      c = in.read();
    }
    if (c >= 0) pos++;
    return c;
  }

  private static boolean separator(int c) {
    return c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n' || c == ';';
  }

  /** The next token, or null at the end; {@link #lineBreaksBefore()} counts the newlines skipped. */
  String next() throws IOException {
    lineBreaks = 0;
    int c = read();
    while (c >= 0 && separator(c)) {
      if (c == '\n') lineBreaks++;
      c = read();
    }
    if (c < 0) return null;
    tokenStart = pos - 1;
    StringBuilder b = new StringBuilder();
    while (c >= 0 && !separator(c)) {
      b.append((char) c);
      c = read();
    }
    if (c == '\n') {
      // keep the newline for the next call's count
      peeked = c;
      pos--;
    }
    return b.toString();
  }

  /** The byte offset where the last token returned by {@link #next()} starts. */
  long tokenStart() {
    return tokenStart;
  }

  int lineBreaksBefore() {
    return lineBreaks;
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
