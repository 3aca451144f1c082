package org.voxbeam.storage;

import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * Approximate heap bytes of a decoded result, for the cache's byte budget. Blobs count only
 * their handle: their content stays on disk until read.
 */
final class ValueWeigher {
  private static final int ENTRY_OVERHEAD = 160;
  private static final int SCALAR = 32;

  private ValueWeigher() {}

  static int weigh(StoredResult result) {
    long bytes = ENTRY_OVERHEAD + weigh(result.value());
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static long weigh(Value value) {
    if (value instanceof StringValue s) {
      return SCALAR + 2L * s.value().length();
    } else if (value instanceof SequenceValue s) {
      long total = SCALAR;
      for (Value item : s.items()) {
        total += 8 + weigh(item);
      }
      return total;
    } else if (value instanceof MappingValue m) {
      long total = SCALAR;
      for (var entry : m.entries().entrySet()) {
        total += 48 + 2L * entry.getKey().length() + weigh(entry.getValue());
      }
      return total;
    }
    return SCALAR;
  }
}
