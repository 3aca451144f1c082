package org.voxbeam.pipeline.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.store.WorkClaims;

/**
 * Groups results into batches and commits each batch to the store in one call, so a persistent
 * store writes one segment per batch instead of one per node. A batch is full at {@code batchSize}
 * results or at {@value #BATCH_PAYLOAD_BYTES} bytes of payload, whichever comes first: the batch
 * holds its values until it commits, and a thousand pending volumes would not fit any heap.
 *
 * <p>A batch also commits once its oldest result has waited {@code interval}, checked by a timer as
 * well as on every add: a run of slow nodes, or one killed midway, loses at most that much work,
 * and another process waiting on a claimed node (see {@link WorkClaims}) gets it soon. The claims
 * of a batch's results are released once the batch is committed, never before.
 *
 * <p>Thread-safe: the thread whose result fills a batch commits it, outside the lock, while others
 * keep filling the next.
 */
final class ResultCommitter implements AutoCloseable {
  static final long BATCH_PAYLOAD_BYTES = 32L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(ResultCommitter.class);

  private final ResultStore store;
  private final int batchSize;
  private final long intervalNanos;
  private final ScheduledExecutorService timer;

  /** The timed commits; they catch their own failures, so this only ever ends by cancellation. */
  private final ScheduledFuture<?> ticks;

  private List<StoredResult> pending;
  private List<WorkClaims.Claim> pendingClaims = new ArrayList<>();
  private long pendingPayload;
  private long oldestPending;

  /**
   * Held by a timed commit from taking its batch until its outcome is recorded: {@link #flush}
   * waits on it, so a batch the timer took is never missing from what a flush reports.
   */
  private final ReentrantLock timedCommit = new ReentrantLock();

  /** The first failure of a timed commit, reported by the next {@link #flush}. */
  private RuntimeException timedFailure;

  ResultCommitter(ResultStore store, int batchSize, Duration interval) {
    this.store = store;
    this.batchSize = batchSize;
    this.intervalNanos = interval.toNanos();
    this.pending = new ArrayList<>(batchSize);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "voxbeam-commit-timer");
              thread.setDaemon(true);
              return thread;
            });
    long tick = Math.max(1, intervalNanos / 4);
    this.ticks = timer.scheduleWithFixedDelay(this::commitIfDue, tick, tick, TimeUnit.NANOSECONDS);
  }

  void add(StoredResult result) {
    add(result, null);
  }

  /** Adds {@code result}; {@code claim}, if any, is released once it is committed. */
  void add(StoredResult result, WorkClaims.Claim claim) {
    Batch full = null;
    synchronized (this) {
      if (pending.isEmpty()) {
        oldestPending = System.nanoTime();
      }
      pending.add(result);
      if (claim != null) {
        pendingClaims.add(claim);
      }
      pendingPayload += result.value().payloadBytes();
      if (pending.size() >= batchSize
          || pendingPayload >= BATCH_PAYLOAD_BYTES
          || System.nanoTime() - oldestPending >= intervalNanos) {
        full = take();
      }
    }
    commit(full);
  }

  /**
   * Commits whatever is pending; called once every result has been added. Throws the store's
   * failure if this commit, or a timed one since the last flush, could not store its results: a run
   * must not report results as stored that a timer failed to write.
   */
  void flush() {
    Batch rest;
    synchronized (this) {
      rest = take();
    }
    commit(rest);
    // A timed commit under way when the run ended is waited for, so that its failure is seen here.
    timedCommit.lock();
    timedCommit.unlock();
    RuntimeException failed;
    synchronized (this) {
      failed = timedFailure;
      timedFailure = null;
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void commitIfDue() {
    timedCommit.lock();
    try {
      Batch due = null;
      synchronized (this) {
        if (!pending.isEmpty() && System.nanoTime() - oldestPending >= intervalNanos) {
          due = take();
        }
      }
      commit(due);
    } catch (RuntimeException e) {
      // The batch's results stay unstored; flush() reports the failure to the run.
      synchronized (this) {
        if (timedFailure == null) {
          timedFailure = e;
        }
      }
      LOG.warn("timed commit failed: {}", e.getMessage());
    } finally {
      timedCommit.unlock();
    }
  }

  private Batch take() {
    Batch batch = new Batch(pending, pendingClaims);
    pending = new ArrayList<>(batchSize);
    pendingClaims = new ArrayList<>();
    pendingPayload = 0;
    return batch;
  }

  private void commit(Batch batch) {
    if (batch == null) {
      return;
    }
    try {
      if (!batch.results().isEmpty()) {
        store.putAll(batch.results());
      }
    } finally {
      batch.claims().forEach(WorkClaims.Claim::close);
    }
  }

  /** Stops the timer; what is pending stays pending (call {@link #flush} first). */
  @Override
  public void close() {
    ticks.cancel(false);
    timer.shutdownNow();
  }

  private record Batch(List<StoredResult> results, List<WorkClaims.Claim> claims) {}
}
