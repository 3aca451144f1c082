package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.ValueJson;

/** Results by node id: descriptors, sequence pages and binary downloads. */
final class ResultRoutes {

  private final ResultStore store;
  private final int maxPageSize;

  ResultRoutes(ResultStore store, int maxPageSize) {
    this.store = store;
    this.maxPageSize = maxPageSize;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.GET, "/results/{id}", this::descriptor),
        new ApiRoute(HandlerType.GET, "/results/{id}/items", this::items),
        new ApiRoute(HandlerType.GET, "/results/{id}/content", this::content));
  }

  private void descriptor(Context context) {
    JsonBodies.send(context, 200, ResultDescriptor.of(find(context)));
  }

  private void items(Context context) {
    StoredResult result = find(context);
    if (!(result.value() instanceof SequenceValue sequence)) {
      throw ApiException.badRequest(
          "not_a_sequence", "result " + result.id().hex() + " is a " + result.value().voxType() + ", not a sequence");
    }
    int offset = intParameter(context, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = intParameter(context, "limit", 1, maxPageSize, Math.min(100, maxPageSize));
    List<JsonValue> page = new ArrayList<>();
    for (int i = offset; i < Math.min(sequence.size(), offset + (long) limit); i++) {
      page.add(item(i, sequence.items().get(i)));
    }
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "node_id", result.id().hex(),
            "length", sequence.size(),
            "offset", offset,
            "limit", limit,
            "items", new JsonArray(page)));
  }

  private static JsonObject item(int index, Value value) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("index", JsonValue.of(index));
    fields.putAll(ResultDescriptor.describe(value).members());
    if (!(value instanceof SequenceValue || value instanceof ErrorValue || binary(value) != null)) {
      fields.put("value", ValueJson.toJson(value));
    }
    return new JsonObject(fields);
  }

  private void content(Context context) throws IOException {
    StoredResult result = find(context);
    Blob blob = binary(result.value());
    if (blob == null) {
      throw ApiException.badRequest(
          "not_binary",
          "result " + result.id().hex() + " is a " + result.value().voxType() + "; only bytes, arrays and images download");
    }
    context.header("Content-Length", Long.toString(blob.size()));
    context.header("Content-Disposition", "attachment; filename=\"" + result.id().hex() + ".bin\"");
    context.contentType("application/octet-stream");
    try (InputStream in = blob.open()) {
      in.transferTo(context.outputStream());
    }
  }

  private static Blob binary(Value value) {
    if (value instanceof BytesValue bytes) {
      return bytes.data();
    } else if (value instanceof NdArrayValue array) {
      return array.data();
    } else if (value instanceof ImageValue image) {
      return image.voxels();
    }
    return null;
  }

  private StoredResult find(Context context) {
    NodeId id = nodeId(context.pathParam("id"));
    return store
        .get(id)
        .orElseThrow(() -> ApiException.notFound("result_not_found", "no result for node " + id.hex()));
  }

  static NodeId nodeId(String text) {
    if (!NodeId.isValid(text)) {
      throw ApiException.badRequest("invalid_node_id", "a node id is 64 lowercase hex digits");
    }
    return new NodeId(text);
  }

  static int intParameter(Context context, String name, int min, int max, int fallback) {
    String text = context.queryParam(name);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_parameter", name + " must be an integer, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(
          "invalid_parameter", name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
