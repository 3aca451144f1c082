package org.voxbeam.kernel.value;

import java.util.Objects;

/** A string. */
public record StringValue(String value) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String voxType() {
    return "string";
  }
}
