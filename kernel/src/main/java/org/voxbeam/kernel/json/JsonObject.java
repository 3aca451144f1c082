package org.voxbeam.kernel.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable JSON object. Members keep the order they were given in (so exports read like their
 * source); canonical encoding sorts them.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  public JsonObject {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  /** The string member {@code key}, if present and a string. */
  public Optional<String> getString(String key) {
    return get(key).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
  }
}
