package org.moho.runners;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Passes its bytes on line by line, dropping the lines that start with one of the given prefixes.
 *
 * <p>Why: ND4J's SameDiff prints "Added differentiated op NAME" with {@code System.out.println}
 * for every op when it builds a gradient (the MLP and glass trainers), which no logging setting
 * reaches; the CLI filters those lines out of standard output. A line ends at '\n' or '\r', so
 * progress lines redrawn with '\r' pass at once.
 */
final class LineDroppingOutputStream extends FilterOutputStream {
  private final List<byte[]> prefixes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineDroppingOutputStream(OutputStream out, List<String> prefixes) {
    super(out);
    this.prefixes = prefixes.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n' || b == '\r') endLine();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) write(b[i]);
  }

  @Override
  public synchronized void flush() throws IOException {
    // a partial line is passed on only if it cannot be the start of a dropped line
    if (line.size() > 0 && !couldBeDropped()) {
      line.writeTo(out);
      line.reset();
    }
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    line.writeTo(out);
    line.reset();
    super.close();
  }

  private void endLine() throws IOException {
    if (!dropped()) line.writeTo(out);
    line.reset();
  }

  private boolean dropped() {
    byte[] l = line.toByteArray();
    for (byte[] p : prefixes) if (startsWith(l, p, p.length)) return true;
    return false;
  }

  /** Whether the line so far and a prefix agree over the shorter of the two. */
  private boolean couldBeDropped() {
    byte[] l = line.toByteArray();
    for (byte[] p : prefixes) if (startsWith(p, l, Math.min(l.length, p.length))) return true;
    return false;
  }

  private static boolean startsWith(byte[] a, byte[] prefix, int n) {
    if (a.length < n || prefix.length < n) return false;
    for (int i = 0; i < n; i++) if (a[i] != prefix[i]) return false;
    return true;
  }
}
