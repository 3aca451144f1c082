package org.voxbeam.launcher.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.storage.maintenance.PersistentStore;

/**
 * The VoxBeam HTTP server: the routes of {@link ResultRoutes}, {@link RunRoutes}, {@link
 * StoreRoutes} and {@link SystemRoutes} under {@value #PREFIX}, behind the checks every request
 * passes first (body size, bearer token) and one error format for everything that goes wrong; and
 * the Studio's static files ({@link StudioRoutes}) at {@code /}.
 */
public final class ApiServer implements AutoCloseable {

  /** Every route lives under this prefix, so a future v2 can live beside it. */
  public static final String PREFIX = "/api/v1";

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int PARALLEL_RUNS = 2;
  private static final int QUEUED_RUNS = 64;

  private final ServerSettings settings;
  private final RunRegistry runs;
  private final List<ApiRoute> routes;
  private final Javalin app;

  /**
   * @param voxbeam the engine and its persistent store: results are read from it, runs execute
   *     through it
   * @param runSettings how submitted plans run; the server replaces the operators with the standard
   *     library whose file operators are confined to the data roots, and its limits are the most a
   *     submission may ask for
   * @param version the version reported by {@code /version}
   * @throws IOException if a data root does not exist
   * @throws IllegalArgumentException if {@code voxbeam} has no persistent store
   */
  public ApiServer(
      ServerSettings settings, VoxBeam voxbeam, RunSettings runSettings, String version)
      throws IOException {
    this.settings = settings;
    PersistentStore store =
        voxbeam
            .persistentStore()
            .orElseThrow(() -> new IllegalArgumentException("the server needs a persistent store"));
    DataRoots roots = new DataRoots(settings.dataRoots());
    OperatorRegistry registry =
        StandardLibrary.registry(roots.asFileAccess(), runSettings.limits().images());
    // Results computed from files outside the roots (by command-line runs on the same store) are
    // neither served nor reused by submitted runs.
    VoxBeam scoped = voxbeam.withInputScope(roots::contains);
    this.runs = new RunRegistry(scoped, runSettings, roots, PARALLEL_RUNS, QUEUED_RUNS);
    List<ApiRoute> all = new ArrayList<>();
    all.addAll(new SystemRoutes(registry, version).routes());
    all.addAll(
        new RunRoutes(runs, new ServerPrograms(roots), runSettings.limits(), scoped).routes());
    all.addAll(new ResultRoutes(scoped, settings.maxPageSize()).routes());
    all.addAll(new StoreRoutes(store, voxbeam::collectRemoteGarbage).routes());
    this.routes = List.copyOf(all);
    this.app = createApp();
  }

  /** The operations this server serves, as registered. */
  public List<ApiRoute> routes() {
    return routes;
  }

  /** Starts listening; returns the bound port (useful when the settings asked for port 0). */
  public int start() {
    app.start(settings.host(), settings.port());
    LOG.info("listening on http://{}:{}{}", settings.host(), app.port(), PREFIX);
    LOG.info("VoxBeam Studio at http://{}:{}/", settings.host(), app.port());
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    runs.close();
  }

  private Javalin createApp() {
    Javalin javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = settings.maxBodyBytes();
              config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            });
    javalin.before(this::checkRequest);
    StudioRoutes.register(javalin);
    for (ApiRoute route : routes) {
      javalin.addHttpHandler(route.method(), route.javalinPath(), route.handler());
      if (route.method() == HandlerType.GET) {
        // HEAD runs the GET handler, so status and headers are the same; Jetty drops the body.
        javalin.addHttpHandler(HandlerType.HEAD, route.javalinPath(), route.handler());
      }
    }
    javalin.exception(
        ApiException.class,
        (e, context) -> {
          switch (e.status()) {
            case 401 -> context.header("WWW-Authenticate", "Bearer realm=\"voxbeam\"");
            case 405 -> context.header("Allow", allowed(context.path()));
            case 429 -> context.header("Retry-After", "1");
            default -> {}
          }
          error(context, e.status(), e.code(), e.getMessage());
        });
    javalin.exception(
        HttpResponseException.class,
        (e, context) -> {
          if (e.getStatus() == 404) {
            noRoute(context);
          } else {
            error(context, e.getStatus(), codeFor(e.getStatus()), e.getMessage());
          }
        });
    javalin.exception(
        Exception.class,
        (e, context) -> {
          LOG.error("{} {} failed", context.method(), context.path(), e);
          error(
              context,
              500,
              "internal_error",
              "the server failed to handle this request; see its log");
        });
    javalin.error(
        404,
        context -> {
          if (context.result() == null || context.result().isEmpty()) {
            noRoute(context);
          }
        });
    return javalin;
  }

  /** 405 with the methods served when the path is known under another method, else 404. */
  private void noRoute(Context context) {
    String allowed = allowed(context.path());
    if (allowed.isEmpty()) {
      error(context, 404, "no_such_route", "no route " + context.method() + " " + context.path());
    } else {
      context.header("Allow", allowed);
      error(
          context,
          405,
          "method_not_allowed",
          context.method() + " is not allowed on " + context.path() + "; allowed: " + allowed);
    }
  }

  /**
   * The methods served on {@code path} (with HEAD wherever GET is), comma-separated, or empty when
   * no route has this path: what a 405 lists in its {@code Allow} header.
   */
  private String allowed(String path) {
    Set<String> methods = new LinkedHashSet<>();
    for (ApiRoute route : routes) {
      if (route.matches(path)) {
        methods.add(route.method().name());
        if (route.method() == HandlerType.GET) {
          methods.add("HEAD");
        }
      }
    }
    return String.join(", ", methods);
  }

  private void checkRequest(Context context) {
    if (context.contentLength() < 0 && context.header("Transfer-Encoding") != null) {
      // A body without a declared length would be read whole before any limit applies.
      throw new ApiException(
          411,
          "length_required",
          "request bodies must declare a Content-Length of at most "
              + settings.maxBodyBytes()
              + " bytes");
    }
    if (context.contentLength() > settings.maxBodyBytes()) {
      throw new ApiException(
          413,
          "body_too_large",
          "request bodies are limited to " + settings.maxBodyBytes() + " bytes");
    }
    if (settings.token().isEmpty()
        || context.path().equals(PREFIX + "/health")
        || StudioRoutes.isStudioPath(context.path())) {
      return;
    }
    String header = context.header("Authorization");
    byte[] expected = ("Bearer " + settings.token().get()).getBytes(StandardCharsets.UTF_8);
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new ApiException(401, "unauthorized", "a valid bearer token is required");
    }
  }

  private static void error(Context context, int status, String code, String message) {
    JsonBodies.send(context, status, JsonBodies.object("code", code, "message", message));
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 404 -> "no_such_route";
      case 405 -> "method_not_allowed";
      case 413 -> "body_too_large";
      default -> "http_" + status;
    };
  }
}
