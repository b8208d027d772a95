package org.moho.io.netcdf;

import java.util.Arrays;

/**
 * A named attribute. {@code values} is a {@code String} for {@link NcType#CHAR} and otherwise a
 * primitive array of the type ({@code byte[], short[], int[], float[], double[]}).
 */
public record NcAttribute(String name, NcType type, Object values) {

  public static NcAttribute text(String name, String value) {
    return new NcAttribute(name, NcType.CHAR, value);
  }

  public static NcAttribute doubles(String name, double... values) {
    return new NcAttribute(name, NcType.DOUBLE, values.clone());
  }

  public static NcAttribute floats(String name, float... values) {
    return new NcAttribute(name, NcType.FLOAT, values.clone());
  }

  public static NcAttribute ints(String name, int... values) {
    return new NcAttribute(name, NcType.INT, values.clone());
  }

  public static NcAttribute shorts(String name, short... values) {
    return new NcAttribute(name, NcType.SHORT, values.clone());
  }

  public static NcAttribute bytes(String name, byte... values) {
    return new NcAttribute(name, NcType.BYTE, values.clone());
  }

  /** The number of values (characters for text). */
  public int length() {
    return type == NcType.CHAR ? ((String) values).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        : java.lang.reflect.Array.getLength(values);
  }

  public boolean isText() {
    return type == NcType.CHAR;
  }

  /** The text of a CHAR attribute, without the trailing NULs some writers add. */
  public String text() {
    if (!isText()) throw new IllegalStateException(name + " is " + type + ", not text");
    String s = (String) values;
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\0') end--;
    return s.substring(0, end);
  }

  /** The numeric values widened to double (empty for text). */
  public double[] asDoubles() {
    return switch (type) {
      case CHAR -> new double[0];
      case BYTE -> { byte[] a = (byte[]) values; double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) d[i] = a[i]; yield d; }
      case SHORT -> { short[] a = (short[]) values; double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) d[i] = a[i]; yield d; }
      case INT -> Arrays.stream((int[]) values).asDoubleStream().toArray();
      case FLOAT -> { float[] a = (float[]) values; double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) d[i] = a[i]; yield d; }
      case DOUBLE -> ((double[]) values).clone();
    };
  }

  @Override
  public String toString() {
    String v = isText() ? '"' + text() + '"' : Arrays.toString(asDoubles());
    return name + " = " + v + " (" + type + ")";
  }
}
