package org.moho.models.glass;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.moho.core.data.Row;

/**
 * Viscosity measurements as arrays: per row the melt's group ({@code Name}), its composition as
 * mole fractions over the model's oxides (renormalised to sum 1), T in K and log10 viscosity.
 */
public record ViscosityData(List<String> oxides, List<String> names, double[][] composition, double[] tempK,
    double[] log10Viscosity) {

  /** A row the table cannot use, with the reason. */
  public record Rejected(Row row, String reason) {}

  /**
   * Reads rows. The oxides are those of {@link Oxides#GPVISC} present as columns and non-zero in
   * at least one row (an oxide that is always zero carries no information and is left out of the
   * trained set, so a melt containing it is later refused).
   */
  public static ViscosityData fromRows(List<Row> rows, String nameColumn, String tempColumn, String targetColumn,
      List<Rejected> rejected) {
    List<String> oxides = new ArrayList<>();
    for (String ox : Oxides.GPVISC) {
      for (Row r : rows) {
        if (r.number(ox) > 0) {
          oxides.add(ox);
          break;
        }
      }
    }
    List<String> names = new ArrayList<>();
    List<double[]> comp = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Row r : rows) {
      String reason = null;
      double[] x = null;
      double temp = r.number(tempColumn);
      double v = r.number(targetColumn);
      Object name = r.get(nameColumn);
      if (name == null) reason = "missing " + nameColumn;
      else if (!(temp > 0)) reason = "missing or non-positive " + tempColumn;
      else if (!Double.isFinite(v)) reason = "missing " + targetColumn;
      else {
        try {
          x = fractions(r, oxides);
        } catch (IllegalArgumentException e) {
          reason = e.getMessage();
        }
      }
      if (reason != null) {
        if (rejected != null) rejected.add(new Rejected(r, reason));
        continue;
      }
      names.add(String.valueOf(name));
      comp.add(x);
      t.add(temp);
      y.add(v);
    }
    return new ViscosityData(List.copyOf(oxides), names, comp.toArray(double[][]::new),
        t.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Mole fractions of {@code oxides} in a row (missing columns count as 0); throws if the row
   * holds another recognised oxide above 0, or if the oxides sum to nothing.
   */
  public static double[] fractions(Row r, List<String> oxides) {
    for (String ox : Oxides.KNOWN) {
      if (!oxides.contains(ox) && r.number(ox) > 0) {
        throw new IllegalArgumentException("composition contains " + ox + " = " + r.number(ox)
            + " mol%, outside the oxides the model was trained on " + oxides);
      }
    }
    double[] x = new double[oxides.size()];
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      double v = r.has(oxides.get(j)) ? r.number(oxides.get(j)) : 0;
      if (!(v >= 0)) throw new IllegalArgumentException("oxide " + oxides.get(j) + " is not a number >= 0: " + r.get(oxides.get(j)));
      x[j] = v;
      sum += v;
    }
    if (!(sum > 0)) throw new IllegalArgumentException("composition sums to 0");
    for (int j = 0; j < x.length; j++) x[j] /= sum;
    return x;
  }

  public int size() {
    return tempK.length;
  }

  /** SHA-256 over the rows as read (name, composition, T, viscosity), in order: the data fingerprint. */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < size(); i++) {
        StringBuilder sb = new StringBuilder(names.get(i));
        for (double v : composition[i]) sb.append(',').append(v);
        sb.append(',').append(tempK[i]).append(',').append(log10Viscosity[i]).append('\n');
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
