package org.voxbeam.launcher;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Input a command cannot work with; the message says what and where, in one line. */
final class UserInputException extends RuntimeException {
  UserInputException(String message) {
    super(message);
  }

  /** An output file the user named cannot be written (a missing directory, no permission). */
  static UserInputException cannotWrite(Path file, IOException cause) {
    String reason = cause instanceof NoSuchFileException ? "its directory does not exist" : String.valueOf(cause.getMessage());
    return new UserInputException("cannot write " + file + ": " + reason);
  }
}
