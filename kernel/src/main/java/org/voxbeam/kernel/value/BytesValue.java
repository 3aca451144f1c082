package org.voxbeam.kernel.value;

import java.util.Objects;

/** Opaque binary data, held as a blob so it can be streamed. */
public record BytesValue(Blob data) implements Value {
  public BytesValue {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String voxType() {
    return "bytes";
  }
}
