package org.voxbeam.transforms;

/**
 * What the workers of every stage are given besides their tasks: the store they open, the run they
 * write for, and how they batch and spread their work.
 *
 * @param store the store every worker opens
 * @param runId the run, recorded in every row the workers write
 * @param commitBatchSize results per store commit
 * @param levelThreads threads a task may spread a wide level of independent nodes over
 * @param itemSpread how many groups the items of a fan-out stage are spread over
 * @param itemsPerBatch items per element of a fan-out stage, or 0 to size batches from the items
 *     and the spread (see {@link ExpandItemsFn#batchSize})
 */
record WorkerSettings(
    StoreSpec store,
    String runId,
    int commitBatchSize,
    int levelThreads,
    int itemSpread,
    int itemsPerBatch) {
  WorkerSettings {
    if (commitBatchSize < 1 || levelThreads < 1 || itemSpread < 1) {
      throw new IllegalArgumentException(
          "commit batch size, threads and item spread must be at least 1");
    }
    if (itemsPerBatch < 0) {
      throw new IllegalArgumentException("items per batch must not be negative");
    }
  }

  /** Settings whose fan-out batches are sized from the items and the spread. */
  WorkerSettings(
      StoreSpec store, String runId, int commitBatchSize, int levelThreads, int itemSpread) {
    this(store, runId, commitBatchSize, levelThreads, itemSpread, 0);
  }
}
