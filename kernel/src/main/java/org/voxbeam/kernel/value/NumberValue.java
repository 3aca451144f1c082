package org.voxbeam.kernel.value;

/** A double-precision number (Python {@code float}); equality is bitwise, so NaN equals NaN. */
public record NumberValue(double value) implements Value {
  @Override
  public String voxType() {
    return "number";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NumberValue that
        && Double.doubleToLongBits(value) == Double.doubleToLongBits(that.value);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }
}
