package org.voxbeam.kernel.json;

/**
 * A JSON number that Python reads as a {@code float}; printed in Python {@code repr} form, so
 * {@code 2.0} stays {@code 2.0} and never becomes the integer {@code 2}.
 */
public record JsonFloat(double value) implements JsonValue {
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonFloat that
        && Double.doubleToLongBits(value) == Double.doubleToLongBits(that.value);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }
}
