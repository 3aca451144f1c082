package org.voxbeam.kernel.value;

/**
 * An integer. Kept apart from {@link NumberValue} because VoxLogicA-2 keeps Python's {@code int}
 * apart from {@code float} ({@code range} yields integers, literals are floats), and results and
 * their printed forms differ.
 */
public record IntegerValue(long value) implements Value {
  @Override
  public String voxType() {
    return "integer";
  }
}
