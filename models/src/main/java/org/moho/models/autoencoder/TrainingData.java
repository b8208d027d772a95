package org.moho.models.autoencoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The records an autoencoder learns from: {@code rows x inputSize} floats, a key per record and
 * an optional weight per record (multiplies that record's squared error in the loss). The order
 * of the records is part of the data: the trainer is deterministic for a given order.
 */
public record TrainingData(float[][] values, List<String> keys, float[] weights) {
  public TrainingData {
    if (values.length == 0) throw new IllegalArgumentException("no records to train on");
    int n = values[0].length;
    if (n == 0) throw new IllegalArgumentException("records are empty");
    for (int i = 0; i < values.length; i++) {
      if (values[i].length != n) {
        throw new IllegalArgumentException("record " + keys.get(i) + " has " + values[i].length
            + " values, the first has " + n);
      }
    }
    if (keys.size() != values.length) throw new IllegalArgumentException("one key per record needed");
    if (weights != null && weights.length != values.length) throw new IllegalArgumentException("one weight per record needed");
    keys = List.copyOf(keys);
  }

  public static TrainingData of(float[][] values) {
    String[] keys = new String[values.length];
    for (int i = 0; i < keys.length; i++) keys[i] = Integer.toString(i);
    return new TrainingData(values, List.of(keys), null);
  }

  public int rows() {
    return values.length;
  }

  public int inputSize() {
    return values[0].length;
  }

  /**
   * SHA-256 over the shape (rows, input size as two big-endian longs) then every value as
   * little-endian IEEE-754 float32, row by row. Equal for equal data in equal order; weights and
   * keys are not part of it.
   */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(16).putLong(rows()).putLong(inputSize()).array());
      ByteBuffer row = ByteBuffer.allocate(4 * inputSize()).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] r : values) {
        row.clear();
        row.asFloatBuffer().put(r);
        sha.update(row.array());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }
}
