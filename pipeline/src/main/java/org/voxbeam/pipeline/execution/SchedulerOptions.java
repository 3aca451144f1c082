package org.voxbeam.pipeline.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the in-process scheduler runs.
 *
 * @param threads worker threads; results do not depend on it
 * @param commitBatchSize results per store commit: larger batches mean fewer, larger store writes;
 *     results are held in memory until their batch commits, and a batch also commits once its
 *     payloads (images, arrays, bytes) reach 32 MB
 * @param commitInterval a batch also commits once its oldest result has waited this long: what a
 *     crash can lose, and how long another run waiting on a node this run computed may wait
 * @param cachePolicy which stored results the run may use
 * @param runId the run the results it writes belong to, recorded in their rows
 */
public record SchedulerOptions(
    int threads,
    int commitBatchSize,
    Duration commitInterval,
    CachePolicy cachePolicy,
    Optional<String> runId) {
  /** The default {@link #commitInterval}. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(2);

  public SchedulerOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (commitBatchSize < 1) {
      throw new IllegalArgumentException(
          "commitBatchSize must be at least 1, got " + commitBatchSize);
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commitInterval must be positive, got " + commitInterval);
    }
    Objects.requireNonNull(cachePolicy, "cachePolicy");
    Objects.requireNonNull(runId, "runId");
  }

  /** Options that reuse every valid stored result, outside any recorded run. */
  public SchedulerOptions(int threads, int commitBatchSize) {
    this(threads, commitBatchSize, DEFAULT_COMMIT_INTERVAL, CachePolicy.reuse(), Optional.empty());
  }

  /** One thread per available core, commits of 1024 results or every two seconds. */
  public static SchedulerOptions defaults() {
    return new SchedulerOptions(Runtime.getRuntime().availableProcessors(), 8192);
  }

  public SchedulerOptions withThreads(int count) {
    return new SchedulerOptions(count, commitBatchSize, commitInterval, cachePolicy, runId);
  }

  public SchedulerOptions withCommitInterval(Duration interval) {
    return new SchedulerOptions(threads, commitBatchSize, interval, cachePolicy, runId);
  }

  public SchedulerOptions withCachePolicy(CachePolicy policy) {
    return new SchedulerOptions(threads, commitBatchSize, commitInterval, policy, runId);
  }

  public SchedulerOptions withRunId(String id) {
    return new SchedulerOptions(
        threads, commitBatchSize, commitInterval, cachePolicy, Optional.of(id));
  }
}
