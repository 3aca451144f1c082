package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorRegistry;

/** Health, version, the primitive catalogue and the OpenAPI document itself. */
final class SystemRoutes {

  /** Classpath location of the OpenAPI document describing this API. */
  static final String OPENAPI_RESOURCE = "/org/voxbeam/launcher/http/openapi.json";

  private final OperatorRegistry registry;
  private final String version;

  SystemRoutes(OperatorRegistry registry, String version) {
    this.registry = registry;
    this.version = version;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.GET, "/health", this::health),
        new ApiRoute(HandlerType.GET, "/version", this::version),
        new ApiRoute(HandlerType.GET, "/primitives", this::primitives),
        new ApiRoute(HandlerType.GET, "/openapi.json", SystemRoutes::openApi));
  }

  private void health(Context context) {
    JsonBodies.send(context, 200, JsonBodies.object("status", "ok"));
  }

  private void version(Context context) {
    JsonBodies.send(context, 200, JsonBodies.object("version", version, "api", "v1"));
  }

  private void primitives(Context context) {
    String namespace = context.queryParam("namespace");
    List<JsonValue> items =
        registry.operators().stream()
            .filter(op -> namespace == null || op.name().namespace().equals(namespace))
            .sorted(Comparator.comparing((Operator op) -> op.name().qualified()))
            .map(
                op ->
                    (JsonValue)
                        JsonBodies.object(
                            "name", op.name().qualified(),
                            "namespace", op.name().namespace(),
                            "arity", op.arity().toString(),
                            "purity", op.purity().name().toLowerCase(java.util.Locale.ROOT),
                            "available", op.available(),
                            "description", op.description()))
            .toList();
    JsonBodies.send(context, 200, JsonBodies.object("primitives", new JsonArray(items)));
  }

  private static void openApi(Context context) throws IOException {
    try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      context.contentType("application/json").result(in.readAllBytes());
    }
  }
}
