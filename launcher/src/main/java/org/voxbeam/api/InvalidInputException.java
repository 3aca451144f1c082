package org.voxbeam.api;

/**
 * Input VoxBeam cannot work with: an option out of range, an unreadable program, a Beam option
 * the runner rejects, a setting that does not fit the store. The message says what and where in
 * one line, so callers can show it as it is; nothing was run.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
