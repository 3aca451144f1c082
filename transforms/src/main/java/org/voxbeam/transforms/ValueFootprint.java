package org.voxbeam.transforms;

import java.nio.charset.StandardCharsets;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.kernel.value.ValueMeasure;

/**
 * The approximate size of a result as the per-node summaries report it: payload bytes for blobs,
 * UTF-8 bytes for text, eight bytes for a scalar. Enough to spot the heavy nodes of a run without
 * serializing anything.
 */
final class ValueFootprint implements ValueMeasure {
  /** The measure; {@code SUMMARY.of(value)} is a result's reported size. */
  static final ValueMeasure SUMMARY = new ValueFootprint();

  private static final long SCALAR = 8;

  private ValueFootprint() {}

  @Override
  public long leaf(Value leaf) {
    if (leaf instanceof StringValue text) {
      return text.value().getBytes(StandardCharsets.UTF_8).length;
    } else if (leaf instanceof ErrorValue error) {
      return error.message().length();
    } else if (leaf instanceof BytesValue
        || leaf instanceof NdArrayValue
        || leaf instanceof ImageValue) {
      return ValueMeasure.blobBytes(leaf);
    }
    return SCALAR;
  }

  @Override
  public long entry(String key) {
    return key.length();
  }
}
