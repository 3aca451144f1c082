package org.voxbeam.pipeline.execution;

/**
 * How the in-process scheduler runs.
 *
 * @param threads worker threads; results do not depend on it
 * @param commitBatchSize results per store commit: larger batches mean fewer, larger store
 *     writes; results are held in memory until their batch commits, and a batch also commits
 *     once its payloads (images, arrays, bytes) reach 32 MB
 */
public record SchedulerOptions(int threads, int commitBatchSize) {
  public SchedulerOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (commitBatchSize < 1) {
      throw new IllegalArgumentException("commitBatchSize must be at least 1, got " + commitBatchSize);
    }
  }

  /** One thread per available core, commits of 1024 results. */
  public static SchedulerOptions defaults() {
    return new SchedulerOptions(Runtime.getRuntime().availableProcessors(), 1024);
  }

  public SchedulerOptions withThreads(int count) {
    return new SchedulerOptions(count, commitBatchSize);
  }
}
