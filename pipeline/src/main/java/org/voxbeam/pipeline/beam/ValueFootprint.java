package org.voxbeam.pipeline.beam;

import java.nio.charset.StandardCharsets;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * The approximate size of a result as the per-node summaries report it: payload bytes for
 * blobs, UTF-8 bytes for text, eight bytes for a scalar. Enough to spot the heavy nodes of a run
 * without serializing anything.
 */
final class ValueFootprint {
  private static final long SCALAR = 8;

  private ValueFootprint() {}

  static long of(Value value) {
    if (value instanceof StringValue s) {
      return s.value().getBytes(StandardCharsets.UTF_8).length;
    } else if (value instanceof BytesValue b) {
      return b.data().size();
    } else if (value instanceof NdArrayValue a) {
      return a.data().size();
    } else if (value instanceof ImageValue i) {
      return i.voxels().size();
    } else if (value instanceof SequenceValue s) {
      long total = 0;
      for (Value item : s.items()) {
        total += of(item);
      }
      return total;
    } else if (value instanceof MappingValue m) {
      long total = 0;
      for (var entry : m.entries().entrySet()) {
        total += entry.getKey().length() + of(entry.getValue());
      }
      return total;
    } else if (value instanceof ErrorValue e) {
      return e.message().length();
    }
    return SCALAR;
  }
}
