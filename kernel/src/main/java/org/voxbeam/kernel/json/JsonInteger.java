package org.voxbeam.kernel.json;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON integer of any size, as Python's {@code int} is unbounded and VoxLogicA-2 hashes the
 * digits it holds.
 */
public record JsonInteger(BigInteger value) implements JsonValue {
  public JsonInteger {
    Objects.requireNonNull(value, "value");
  }

  public static JsonInteger of(long value) {
    return new JsonInteger(BigInteger.valueOf(value));
  }
}
