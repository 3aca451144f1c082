package org.voxbeam.transforms;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * One open store per directory per JVM, shared by every {@code DoFn} instance (and the driver, when
 * it runs in the same JVM) and closed when the last user lets go.
 *
 * <p>A runner creates many {@code DoFn} instances per worker JVM, one per thread and stage; opening
 * the store in each would index the store's segments and fill a cache per instance. Sharing by
 * directory keeps one index and one cache per JVM.
 *
 * <p>A lookup of a result the store does not know lists the segments directory at most once per
 * {@link #MISS_RELIST_MILLIS} ({@link StoreOptions#missRelistMillis}). Every {@code DoFn} calls
 * {@link ResultStore#refresh} when a bundle starts, and a bundle starts only after the stages it
 * reads from have committed (see {@link RunStage}), so what a bundle looks up and does not find was
 * not computed yet: the items of a fan-out stage, one lookup each, used to list a directory that
 * the stage's own commits kept changing, once per item.
 */
final class SharedStores {
  /** The longest a lookup miss waits before the store lists the segments again. */
  static final long MISS_RELIST_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(SharedStores.class);
  private static final Map<String, Entry> OPEN = new HashMap<>();

  private SharedStores() {}

  /** The store of {@code spec}, opened if this JVM has not opened it yet. */
  static StoreLease acquire(StoreSpec spec) {
    synchronized (OPEN) {
      Entry entry = OPEN.get(spec.directory());
      if (entry == null) {
        LOG.debug("opening result store {}", spec.directory());
        ResultStore store =
            ParquetResultStore.open(
                Path.of(spec.directory()),
                StoreOptions.defaults()
                    .withCacheBytes(spec.cacheBytes())
                    .withMissRelistMillis(MISS_RELIST_MILLIS));
        entry = new Entry(store);
        OPEN.put(spec.directory(), entry);
      }
      entry.users++;
      return new StoreLease(spec.directory(), entry.store);
    }
  }

  static void release(String directory) {
    ResultStore toClose = null;
    synchronized (OPEN) {
      Entry entry = OPEN.get(directory);
      if (entry != null && --entry.users == 0) {
        OPEN.remove(directory);
        toClose = entry.store;
      }
    }
    if (toClose != null) {
      LOG.debug("closing result store {}", directory);
      toClose.close();
    }
  }

  /** An open store and how many leases hold it. */
  private static final class Entry {
    private final ResultStore store;
    private int users;

    Entry(ResultStore store) {
      this.store = store;
    }
  }
}
