package org.voxbeam.launcher.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.voxbeam.kernel.json.CanonicalJson;

/**
 * Jetty's answer to requests it refuses before any route sees them (a malformed request line, bad
 * percent-encoding, an over-long URI or header): the API's JSON error instead of Jetty's HTML page,
 * so every response of the server has one shape.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body(response.getStatus(), null));
  }

  private static String body(int status, String reason) {
    String message = "the server refused this request at the protocol level (HTTP " + status + ")";
    if (reason != null && !reason.isBlank()) {
      message += ": " + reason;
    }
    return CanonicalJson.writeIndented(
        JsonBodies.object("code", "bad_request_" + status, "message", message));
  }
}
