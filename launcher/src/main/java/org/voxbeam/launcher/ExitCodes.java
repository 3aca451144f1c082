package org.voxbeam.launcher;

/** The process exit codes of every command, so scripts can tell outcomes apart. */
final class ExitCodes {
  /** Every goal was materialized. */
  public static final int OK = 0;

  /** The run completed but at least one goal failed. */
  public static final int GOALS_FAILED = 1;

  /** The input (plan, program, flags, files) was rejected; nothing ran. */
  public static final int BAD_INPUT = 2;

  /** VoxBeam itself failed; a bug or an environment problem (disk full, …). */
  public static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
