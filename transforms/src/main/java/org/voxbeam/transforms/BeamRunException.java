package org.voxbeam.transforms;

/**
 * The Beam pipeline itself failed (a worker lost its store, the runner stopped the job): unlike a
 * failing node, which is a value, this leaves the run without results.
 */
public final class BeamRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BeamRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
