package org.voxbeam.kernel.value;

/** The absent value ({@code None}). */
public enum NullValue implements Value {
  INSTANCE;

  @Override
  public String voxType() {
    return "null";
  }
}
