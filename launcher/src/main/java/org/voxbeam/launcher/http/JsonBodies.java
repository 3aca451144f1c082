package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonSyntaxException;
import org.voxbeam.kernel.json.JsonValue;

/**
 * Reading and writing JSON bodies with the kernel's JSON model, which keeps ints and floats apart.
 */
final class JsonBodies {

  private JsonBodies() {}

  static void send(Context context, int status, JsonValue body) {
    context
        .status(status)
        .contentType("application/json")
        .result(CanonicalJson.writeIndented(body));
  }

  static JsonObject readObject(Context context) {
    JsonValue parsed;
    try {
      parsed = JsonReader.parse(context.body());
    } catch (JsonSyntaxException e) {
      throw ApiException.badRequest(
          "malformed_json", "request body is not valid JSON: " + e.getMessage());
    }
    if (parsed instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("malformed_json", "request body must be a JSON object");
  }

  /** An ordered JSON object from alternating keys and values. */
  static JsonObject object(Object... keysAndValues) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      members.put((String) keysAndValues[i], toJson(keysAndValues[i + 1]));
    }
    return new JsonObject(members);
  }

  private static JsonValue toJson(Object value) {
    if (value instanceof JsonValue json) {
      return json;
    } else if (value instanceof String text) {
      return JsonValue.of(text);
    } else if (value instanceof Boolean bool) {
      return JsonValue.of(bool);
    } else if (value instanceof Integer number) {
      return JsonValue.of(number.longValue());
    } else if (value instanceof Long number) {
      return JsonValue.of(number);
    } else if (value instanceof Double number) {
      return JsonValue.of(number);
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass());
  }
}
