package org.voxbeam.launcher;

/** Input a command cannot work with; the message says what and where, in one line. */
final class UserInputException extends RuntimeException {
  UserInputException(String message) {
    super(message);
  }
}
