package org.moho.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The peers' arrays as written by bench/export_peerdata.py: raw little-endian float32, row-major. */
final class PeerArrays {
  static final int D = 256;

  private PeerArrays() {}

  static float[] read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long bytes = ch.size();
      float[] out = new float[(int) (bytes / 4)];
      ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }
  }

  static float[][] rows(float[] flat, int d) {
    float[][] r = new float[flat.length / d][d];
    for (int i = 0; i < r.length; i++) System.arraycopy(flat, i * d, r[i], 0, d);
    return r;
  }
}
