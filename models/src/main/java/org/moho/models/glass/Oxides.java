package org.moho.models.glass;

import java.util.List;

/**
 * Oxide column names the glass stages recognise (lower case, mol%). The first twelve are those
 * of the GP-visc database; the others occur in i-Melt tables and are recognised only so that a
 * melt containing them is refused by a model not trained on them, instead of being silently
 * treated as free of them.
 */
public final class Oxides {
  private Oxides() {}

  public static final List<String> GPVISC = List.of(
      "sio2", "tio2", "al2o3", "feo", "fe2o3", "mno", "mgo", "cao", "na2o", "k2o", "p2o5", "h2o");

  public static final List<String> KNOWN = List.of(
      "sio2", "tio2", "al2o3", "feo", "fe2o3", "feot", "mno", "mgo", "cao", "na2o", "k2o", "p2o5", "h2o",
      "li2o", "bao", "sro", "b2o3", "zno", "zro2", "cr2o3", "nio", "cs2o", "rb2o", "f", "cl", "so3");
}
