package org.voxbeam.kernel.value;

/** A boolean. */
public record BooleanValue(boolean value) implements Value {
  public static final BooleanValue TRUE = new BooleanValue(true);
  public static final BooleanValue FALSE = new BooleanValue(false);

  public static BooleanValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public String voxType() {
    return "boolean";
  }
}
