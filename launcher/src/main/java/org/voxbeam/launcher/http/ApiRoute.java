package org.voxbeam.launcher.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One operation of the API. The server registers exactly these, and a test compares them with the
 * OpenAPI document, so the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the path under {@code /api/v1}, with {@code {name}} parameters as in OpenAPI
 * @param handler what serves it
 */
record ApiRoute(HandlerType method, String path, Handler handler) {

  /** The path in Javalin's syntax ({@code {id}} is the same in both). */
  String javalinPath() {
    return ApiServer.PREFIX + path;
  }

  /** Whether a request path (with the prefix) names this route's path, whatever the method. */
  boolean matches(String requestPath) {
    String[] want = javalinPath().split("/", -1);
    String[] got = requestPath.split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      boolean parameter = want[i].startsWith("{") && !got[i].isEmpty();
      if (!parameter && !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }
}
