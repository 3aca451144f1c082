package org.voxbeam.kernel.operator;

/**
 * An operator could not compute its result from the inputs it was given. The message is shown to
 * the user as the node's failure, so it says what was wrong with which input.
 */
public class OperatorException extends RuntimeException {
  public OperatorException(String message) {
    super(message);
  }

  public OperatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
