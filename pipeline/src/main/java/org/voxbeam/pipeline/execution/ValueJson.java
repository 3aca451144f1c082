package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * Values as JSON, the way VoxLogicA-2 reports goal values ({@code expected.json}): numbers as
 * Python floats ({@code 32.0}), integers as integers, sequences as arrays. Binary values, which
 * have no JSON form, are described by type and size; failures by their message and cause.
 */
public final class ValueJson {
  private ValueJson() {}

  public static JsonValue toJson(Value value) {
    if (value instanceof NullValue) {
      return JsonValue.ofNull();
    } else if (value instanceof BooleanValue b) {
      return JsonValue.of(b.value());
    } else if (value instanceof IntegerValue i) {
      return JsonValue.of(i.value());
    } else if (value instanceof NumberValue n) {
      return new JsonFloat(n.value());
    } else if (value instanceof StringValue s) {
      return JsonValue.of(s.value());
    } else if (value instanceof SequenceValue s) {
      List<JsonValue> items = new ArrayList<>(s.size());
      for (Value item : s.items()) {
        items.add(toJson(item));
      }
      return new JsonArray(items);
    } else if (value instanceof MappingValue m) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      m.entries().forEach((key, item) -> members.put(key, toJson(item)));
      return new JsonObject(members);
    } else if (value instanceof ErrorValue e) {
      return describe("error", Map.of("message", JsonValue.of(e.describe())));
    } else if (value instanceof BytesValue b) {
      return describe("bytes", Map.of("size", JsonValue.of(b.data().size())));
    } else if (value instanceof NdArrayValue a) {
      return describe(
          "ndarray",
          Map.of("dtype", JsonValue.of(a.dtype().numpyName()), "shape", longs(a.shape())));
    } else if (value instanceof ImageValue i) {
      return describe(
          i.voxType(),
          Map.of("dtype", JsonValue.of(i.dtype().numpyName()), "size", longs(i.geometry().size())));
    } else if (value instanceof DatasetValue d) {
      return describe("dataset", Map.of("size", JsonValue.of(d.size())));
    }
    return describe(value.voxType(), Map.of());
  }

  private static JsonValue describe(String type, Map<String, JsonValue> fields) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("type", JsonValue.of(type));
    members.putAll(new java.util.TreeMap<>(fields));
    return new JsonObject(members);
  }

  private static JsonValue longs(List<Long> values) {
    List<JsonValue> items = new ArrayList<>(values.size());
    for (long value : values) {
      items.add(JsonValue.of(value));
    }
    return new JsonArray(items);
  }
}
