package org.voxbeam.pipeline.execution;

import java.util.Objects;
import java.util.Optional;

/**
 * How the in-process scheduler runs.
 *
 * @param threads worker threads; results do not depend on it
 * @param commitBatchSize results per store commit: larger batches mean fewer, larger store
 *     writes; results are held in memory until their batch commits, and a batch also commits
 *     once its payloads (images, arrays, bytes) reach 32 MB
 * @param cachePolicy which stored results the run may use
 * @param runId the run the results it writes belong to, recorded in their rows
 */
public record SchedulerOptions(
    int threads, int commitBatchSize, CachePolicy cachePolicy, Optional<String> runId) {
  public SchedulerOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (commitBatchSize < 1) {
      throw new IllegalArgumentException("commitBatchSize must be at least 1, got " + commitBatchSize);
    }
    Objects.requireNonNull(cachePolicy, "cachePolicy");
    Objects.requireNonNull(runId, "runId");
  }

  /** Options that reuse every valid stored result, outside any recorded run. */
  public SchedulerOptions(int threads, int commitBatchSize) {
    this(threads, commitBatchSize, CachePolicy.reuse(), Optional.empty());
  }

  /** One thread per available core, commits of 1024 results. */
  public static SchedulerOptions defaults() {
    return new SchedulerOptions(Runtime.getRuntime().availableProcessors(), 1024);
  }

  public SchedulerOptions withThreads(int count) {
    return new SchedulerOptions(count, commitBatchSize, cachePolicy, runId);
  }

  public SchedulerOptions withCachePolicy(CachePolicy policy) {
    return new SchedulerOptions(threads, commitBatchSize, policy, runId);
  }

  public SchedulerOptions withRunId(String id) {
    return new SchedulerOptions(threads, commitBatchSize, cachePolicy, Optional.of(id));
  }
}
