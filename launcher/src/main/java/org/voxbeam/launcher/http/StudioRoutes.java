package org.voxbeam.launcher.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * VoxBeam Studio: the browser client of this API, served as static files at {@code /} and under
 * {@value #ASSETS}. The files hold no data and no secret, so they are served without the token; the
 * page asks the user for the token and sends it on every API call. Only the files named in {@link
 * #TYPES} are served, from the classpath, so no request path reaches the file system. The 3D
 * viewer's library is served from {@value #VENDOR} when a build step put it on the classpath.
 */
final class StudioRoutes {

  static final String ASSETS = "/studio/";
  static final String VENDOR = "vendor/niivue.js";
  private static final String RESOURCES = "/org/voxbeam/launcher/studio/";

  /**
   * The page may load only its own files and talk only to this server; blob URLs carry voxel data
   * to the 3D viewer and canvases; nothing may frame it.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"
          + " img-src 'self' data: blob:; connect-src 'self' blob: data:; worker-src 'self' blob:;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html",
          "text/html; charset=utf-8",
          "studio.css",
          "text/css; charset=utf-8",
          "api.js",
          "text/javascript; charset=utf-8",
          "app.js",
          "text/javascript; charset=utf-8",
          "viewer.js",
          "text/javascript; charset=utf-8",
          "dag.js",
          "text/javascript; charset=utf-8",
          "tables.js",
          "text/javascript; charset=utf-8",
          "volume3d.js",
          "text/javascript; charset=utf-8",
          VENDOR,
          "text/javascript; charset=utf-8");

  private StudioRoutes() {}

  /** Whether a request path is one of the Studio's (public) files rather than the API. */
  static boolean isStudioPath(String path) {
    return path.equals("/") || path.startsWith(ASSETS);
  }

  static void register(Javalin javalin) {
    for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.HEAD}) {
      javalin.addHttpHandler(method, "/", context -> serve(context, "index.html"));
      javalin.addHttpHandler(
          method, ASSETS + "<name>", context -> serve(context, context.pathParam("name")));
    }
  }

  private static void serve(Context context, String name) throws IOException {
    Optional<byte[]> content = TYPES.containsKey(name) ? read(name) : Optional.empty();
    if (content.isEmpty()) {
      String message =
          name.equals(VENDOR)
              ? "the 3D viewer is not built into this server; see docs/studio.md"
              : "no Studio file " + name;
      throw ApiException.notFound("no_such_route", message);
    }
    context.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    context.header("X-Content-Type-Options", "nosniff");
    context.header("Referrer-Policy", "no-referrer");
    context.header("Cache-Control", "no-cache");
    context.contentType(TYPES.get(name)).result(content.get());
  }

  private static Optional<byte[]> read(String name) throws IOException {
    try (InputStream in = StudioRoutes.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }
}
