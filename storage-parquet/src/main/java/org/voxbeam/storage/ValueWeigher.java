package org.voxbeam.storage;

import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.kernel.value.ValueMeasure;

/**
 * Approximate heap bytes of a decoded result, for the cache's byte budget. Blobs count only their
 * handle: their content stays on disk until read.
 */
final class ValueWeigher implements ValueMeasure {
  private static final ValueWeigher INSTANCE = new ValueWeigher();
  private static final int ENTRY_OVERHEAD = 160;
  private static final int SCALAR = 32;

  private ValueWeigher() {}

  static int weigh(StoredResult result) {
    long bytes = ENTRY_OVERHEAD + INSTANCE.of(result.value());
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  @Override
  public long leaf(Value leaf) {
    return leaf instanceof StringValue text ? SCALAR + 2L * text.value().length() : SCALAR;
  }

  @Override
  public long container() {
    return SCALAR;
  }

  @Override
  public long item() {
    return 8;
  }

  @Override
  public long entry(String key) {
    return 48 + 2L * key.length();
  }
}
