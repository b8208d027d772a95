package org.moho.runners;

/** The exit codes of {@code moho}, documented in its help and in docs/cli.md. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Done: the spec is valid, the run succeeded. */
  public static final int OK = 0;
  /** The run started and failed (a stage, the runner or an output); see run.json's cause. */
  public static final int RUN_FAILED = 1;
  /** The command line is wrong (unknown option, missing argument). */
  public static final int USAGE = 2;
  /** The spec has errors (each printed as file:line:column). */
  public static final int INVALID_SPEC = 3;
  /** An input or output could not be used (e.g. a model folder that is not a bundle). */
  public static final int BAD_INPUT = 4;
}
