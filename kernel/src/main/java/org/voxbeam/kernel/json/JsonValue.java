package org.voxbeam.kernel.json;

/**
 * An immutable JSON value that keeps the distinctions VoxLogicA-2's hashing depends on.
 *
 * <p>Node attributes and constant values are hashed through Python's {@code json.dumps}, which
 * tells integers from floats ({@code 2} vs {@code 2.0}) and prints floats in {@code repr} form. A
 * general-purpose JSON tree loses those distinctions or is mutable, so nodes carry this small
 * closed model instead; {@link CanonicalJson} turns it into the exact bytes VoxLogicA-2 hashes.
 */
public sealed interface JsonValue
    permits JsonNull, JsonBoolean, JsonInteger, JsonFloat, JsonString, JsonArray, JsonObject {

  /** The JSON null. */
  static JsonValue ofNull() {
    return JsonNull.INSTANCE;
  }

  static JsonValue of(boolean value) {
    return JsonBoolean.of(value);
  }

  static JsonValue of(long value) {
    return JsonInteger.of(value);
  }

  static JsonValue of(double value) {
    return new JsonFloat(value);
  }

  static JsonValue of(String value) {
    return new JsonString(value);
  }
}
