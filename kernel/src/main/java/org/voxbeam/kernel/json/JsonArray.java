package org.voxbeam.kernel.json;

import java.util.List;

/** An immutable JSON array. */
public record JsonArray(List<JsonValue> items) implements JsonValue {
  public static final JsonArray EMPTY = new JsonArray(List.of());

  public JsonArray {
    items = List.copyOf(items);
  }
}
