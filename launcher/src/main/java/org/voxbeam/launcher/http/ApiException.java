package org.voxbeam.launcher.http;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a message for
 * people. Rendered as {@code {"code": ..., "message": ...}}.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  /** 503: the resource exists but cannot be served now (its stored content failed verification). */
  static ApiException unavailable(String code, String message) {
    return new ApiException(503, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
