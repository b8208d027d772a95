package org.moho.pipelines.scaling;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.moho.core.data.FeatureVector;
import org.moho.core.data.Patch;

/**
 * What the positions of a feature vector mean: its kind ({@code vector} or {@code patch}), its
 * length and, when known, the feature names. Two layouts are compatible only when all three are
 * equal; the fingerprint (SHA-256 of the three, 16 hex digits) names a layout in messages and
 * artifacts.
 *
 * <p>A FeatureVector's names come from its metadata key {@value #NAMES_KEY} (comma-separated),
 * when present; a patch's layout is {@code patch} with size*size values and no names.
 */
public record FeatureLayout(String kind, int length, List<String> names) implements Serializable {
  /** Metadata key of a FeatureVector listing its feature names, comma-separated. */
  public static final String NAMES_KEY = "feature_names";

  public FeatureLayout {
    names = List.copyOf(names);
    if (!names.isEmpty() && names.size() != length) {
      throw new IllegalArgumentException(names.size() + " feature names for " + length + " features");
    }
  }

  public static FeatureLayout of(FeatureVector v) {
    String n = v.metadata().get(NAMES_KEY);
    List<String> names = n == null || n.isBlank() ? List.of() : Arrays.stream(n.split(",")).map(String::trim).toList();
    return new FeatureLayout("vector", v.values().length, names);
  }

  public static FeatureLayout of(Patch p) {
    return new FeatureLayout("patch", p.values().length, List.of());
  }

  public String fingerprint() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((kind + "\n" + length + "\n" + String.join("\n", names)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For messages: "vector of 3 features [a, b, c] (fingerprint 0123456789abcdef)". */
  public String describe() {
    String shown = names.size() > 8 ? names.subList(0, 8) + "…" : names.toString();
    return kind + " of " + length + " features" + (names.isEmpty() ? "" : " " + shown) + " (fingerprint " + fingerprint() + ")";
  }
}
