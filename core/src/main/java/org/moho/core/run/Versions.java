package org.moho.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.beam.sdk.util.ReleaseInfo;

/** Versions recorded in run manifests and model provenance. */
public final class Versions {
  private Versions() {}

  public static String moho() {
    try (InputStream in = Versions.class.getResourceAsStream("/org/moho/core/version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static String beam() {
    return ReleaseInfo.getReleaseInfo().getVersion();
  }

  public static String java() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  public static String platform() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
