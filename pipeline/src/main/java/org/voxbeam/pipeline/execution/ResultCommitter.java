package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;

/**
 * Groups results into batches and commits each batch to the store in one call, so a persistent
 * store writes one segment per batch instead of one per node. Thread-safe: the thread whose
 * result fills a batch commits it, outside the lock, while others keep filling the next.
 */
final class ResultCommitter {
  private final ResultStore store;
  private final int batchSize;
  private List<StoredResult> pending;

  ResultCommitter(ResultStore store, int batchSize) {
    this.store = store;
    this.batchSize = batchSize;
    this.pending = new ArrayList<>(batchSize);
  }

  void add(StoredResult result) {
    List<StoredResult> full = null;
    synchronized (this) {
      pending.add(result);
      if (pending.size() >= batchSize) {
        full = pending;
        pending = new ArrayList<>(batchSize);
      }
    }
    if (full != null) {
      store.putAll(full);
    }
  }

  /** Commits whatever is pending; called once every result has been added. */
  void flush() {
    List<StoredResult> rest;
    synchronized (this) {
      rest = pending;
      pending = new ArrayList<>(batchSize);
    }
    if (!rest.isEmpty()) {
      store.putAll(rest);
    }
  }
}
