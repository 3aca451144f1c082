package org.voxbeam.kernel.store;

import java.util.Map;

/**
 * A summary of a store's contents.
 *
 * @param succeeded results holding a value
 * @param failed results recording a failure
 * @param bytes bytes the store occupies (payloads and bookkeeping), as best the store can tell
 * @param countsByType results per value type ({@code number}, {@code sequence}, …)
 */
public record StoreStats(long succeeded, long failed, long bytes, Map<String, Long> countsByType) {
  public StoreStats {
    countsByType = Map.copyOf(countsByType);
  }

  public long results() {
    return succeeded + failed;
  }
}
