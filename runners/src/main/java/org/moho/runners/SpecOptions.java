package org.moho.runners;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a spec shares: the spec, params, path policy. */
public final class SpecOptions {
  @Parameters(index = "0", paramLabel = "SPEC", description = "the pipeline spec (YAML)")
  Path spec;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "set a param (repeatable); its type is checked")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--allow-outside", description = "let include: files and paths (inputs and outputs) lie outside the spec's folder, the working folder and --out")
  boolean allowOutside;

  @Option(names = "--out", paramLabel = "DIR", description = "the run's output folder, ${out} in the spec (default: moho-out/PIPELINE)")
  Path out;
}
