package org.voxbeam.kernel.json;

/** JSON {@code true} or {@code false}. */
public record JsonBoolean(boolean value) implements JsonValue {
  private static final JsonBoolean TRUE = new JsonBoolean(true);
  private static final JsonBoolean FALSE = new JsonBoolean(false);

  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
