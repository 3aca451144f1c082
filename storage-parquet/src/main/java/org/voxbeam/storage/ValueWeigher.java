package org.voxbeam.storage;

import org.voxbeam.kernel.store.RecordedInput;
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

  /**
   * A cached result's own objects besides its value and inputs: its record, its id (a 64-digit
   * string), its metadata (a duration, a time, an optional run id, a list of inputs) and the
   * cache's and its map's entries. A number with one input took ~545 bytes in a heap histogram of a
   * map over a million numbers (~760,000 of its items cached) and ~690 in {@code StoreCacheTest};
   * this counted 192 until then, so a 256 MB budget held ~700 MB of heap.
   */
  private static final int ENTRY_OVERHEAD = 420;

  /** A recorded input's record and the 64-digit digest or fingerprint it carries; its path adds. */
  private static final int INPUT = 160;

  private static final int SCALAR = 32;

  private ValueWeigher() {}

  static int weigh(StoredResult result) {
    long bytes = ENTRY_OVERHEAD + INSTANCE.of(result.value());
    for (RecordedInput input : result.metadata().inputs().entries()) {
      bytes += INPUT + input.path().length();
    }
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
