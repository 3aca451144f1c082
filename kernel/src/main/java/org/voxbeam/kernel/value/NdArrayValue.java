package org.voxbeam.kernel.value;

import java.util.List;
import java.util.Objects;

/**
 * An n-dimensional array: element type, shape, and the elements as a blob of little-endian,
 * C-ordered bytes.
 */
public record NdArrayValue(DType dtype, List<Long> shape, Blob data) implements Value {
  public NdArrayValue {
    Objects.requireNonNull(dtype, "dtype");
    shape = List.copyOf(shape);
    Objects.requireNonNull(data, "data");
    long expected = dtype.byteSize() * elementCount(shape);
    if (data.size() != expected) {
      throw new IllegalArgumentException(
          "array data holds " + data.size() + " bytes, shape " + shape + " needs " + expected);
    }
  }

  static long elementCount(List<Long> shape) {
    long count = 1;
    for (long extent : shape) {
      if (extent < 0) {
        throw new IllegalArgumentException("negative extent in shape " + shape);
      }
      count = Math.multiplyExact(count, extent);
    }
    return count;
  }

  @Override
  public String voxType() {
    return "ndarray";
  }
}
