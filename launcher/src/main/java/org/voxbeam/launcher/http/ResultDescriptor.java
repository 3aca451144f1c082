package org.voxbeam.launcher.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/**
 * What a client needs to know about a result before fetching it: type, a short summary, the length
 * of a sequence, the geometry of an image, the size of binary data, or the error. Large content is
 * never inlined; it is paged ({@code /items}) or downloaded ({@code /content}).
 */
final class ResultDescriptor {

  static final int SUMMARY_CHARS = 200;

  private ResultDescriptor() {}

  static JsonObject of(StoredResult result) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("node_id", JsonValue.of(result.id().hex()));
    fields.put(
        "status", JsonValue.of(result.value() instanceof ErrorValue ? "failed" : "succeeded"));
    fields.putAll(describe(result.value()).members());
    fields.put("operator", JsonValue.of(result.metadata().operator()));
    fields.put("compute_ms", JsonValue.of(result.metadata().computeTime().toMillis()));
    fields.put("created_at", JsonValue.of(result.metadata().createdAt().toString()));
    return new JsonObject(fields);
  }

  /** Type-specific fields of a value, also used for sequence items. */
  static JsonObject describe(Value value) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("type", JsonValue.of(value.voxType()));
    if (value instanceof ErrorValue error) {
      fields.put("error", JsonValue.of(error.describe()));
    } else if (value instanceof SequenceValue sequence) {
      fields.put("length", JsonValue.of(sequence.size()));
    } else if (value instanceof ImageValue image) {
      fields.put("dtype", JsonValue.of(image.dtype().numpyName()));
      fields.put("geometry", geometry(image.geometry()));
      fields.put("bytes", JsonValue.of(image.voxels().size()));
    } else if (value instanceof NdArrayValue array) {
      fields.put("dtype", JsonValue.of(array.dtype().numpyName()));
      fields.put("shape", new JsonArray(array.shape().stream().map(JsonValue::of).toList()));
      fields.put("bytes", JsonValue.of(array.data().size()));
    } else if (value instanceof BytesValue bytes) {
      fields.put("bytes", JsonValue.of(bytes.data().size()));
    } else {
      fields.put("summary", JsonValue.of(summary(value)));
    }
    return new JsonObject(fields);
  }

  private static String summary(Value value) {
    String text = PythonText.str(value);
    return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
  }

  private static JsonObject geometry(ImageGeometry geometry) {
    return JsonBodies.object(
        "size", numbers(geometry.size()),
        "spacing", numbers(geometry.spacing()),
        "origin", numbers(geometry.origin()),
        "direction", numbers(geometry.direction()));
  }

  private static JsonArray numbers(List<? extends Number> values) {
    List<JsonValue> items = new ArrayList<>(values.size());
    for (Number value : values) {
      items.add(
          value instanceof Long
              ? JsonValue.of(value.longValue())
              : JsonValue.of(value.doubleValue()));
    }
    return new JsonArray(items);
  }
}
