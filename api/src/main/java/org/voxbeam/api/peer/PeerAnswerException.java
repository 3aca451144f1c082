package org.voxbeam.api.peer;

/**
 * A peer answered something that cannot be used: a malformed row, a blob whose bytes do not hash to
 * its name, a status other than a result or "not found", or no answer in time. The peer is skipped
 * for the rest of the run.
 */
final class PeerAnswerException extends Exception {
  private static final long serialVersionUID = 1L;

  PeerAnswerException(String message) {
    super(message);
  }

  PeerAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
