package org.voxbeam.transforms;

import java.util.concurrent.atomic.AtomicBoolean;
import org.voxbeam.kernel.store.ResultStore;

/**
 * A use of a store shared through {@link SharedStores}; closing the lease, not the store, is how a
 * user lets go. Closing twice is harmless.
 */
final class StoreLease implements AutoCloseable {
  private final String key;
  private final ResultStore store;
  private final AtomicBoolean closed = new AtomicBoolean();

  StoreLease(String key, ResultStore store) {
    this.key = key;
    this.store = store;
  }

  ResultStore store() {
    return store;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      SharedStores.release(key);
    }
  }
}
