package org.voxbeam.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Input VoxBeam cannot work with: an option out of range, an unreadable program, a Beam option the
 * runner rejects, a setting that does not fit the store. The message says what and where in one
 * line, so callers can show it as it is; nothing was run.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  /** An output file the user named cannot be written (a missing directory, no permission). */
  public static InvalidInputException cannotWrite(Path file, IOException cause) {
    String reason =
        cause instanceof NoSuchFileException
            ? "its directory does not exist"
            : String.valueOf(cause.getMessage());
    return new InvalidInputException("cannot write " + file + ": " + reason);
  }
}
