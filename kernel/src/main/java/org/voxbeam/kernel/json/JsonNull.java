package org.voxbeam.kernel.json;

/** JSON {@code null}; a singleton because all nulls are the same value. */
public enum JsonNull implements JsonValue {
  INSTANCE
}
