package org.moho.runners;

import org.moho.core.run.Versions;
import picocli.CommandLine.IVersionProvider;

final class MohoVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"moho " + Versions.moho(), "beam " + Versions.beam(), "java " + Versions.java()};
  }
}
