package org.voxbeam.pipeline.execution;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;

/**
 * Groups results into batches and commits each batch to the store in one call, so a persistent
 * store writes one segment per batch instead of one per node. A batch is full at {@code batchSize}
 * results or at {@value #BATCH_PAYLOAD_BYTES} bytes of payload, whichever comes first: the batch
 * holds its values until it commits, and a thousand pending volumes would not fit any heap.
 * Thread-safe: the thread whose result fills a batch commits it, outside the lock, while others
 * keep filling the next.
 */
final class ResultCommitter {
  static final long BATCH_PAYLOAD_BYTES = 32L << 20;

  private final ResultStore store;
  private final int batchSize;
  private List<StoredResult> pending;
  private long pendingPayload;

  ResultCommitter(ResultStore store, int batchSize) {
    this.store = store;
    this.batchSize = batchSize;
    this.pending = new ArrayList<>(batchSize);
  }

  void add(StoredResult result) {
    List<StoredResult> full = null;
    synchronized (this) {
      pending.add(result);
      pendingPayload += result.value().payloadBytes();
      if (pending.size() >= batchSize || pendingPayload >= BATCH_PAYLOAD_BYTES) {
        full = pending;
        pending = new ArrayList<>(batchSize);
        pendingPayload = 0;
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
      pendingPayload = 0;
    }
    if (!rest.isEmpty()) {
      store.putAll(rest);
    }
  }
}
