package org.voxbeam.pipeline.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>Batches are written on the committer's own thread while the workers go on computing: on a
 * per-item workload (a {@code map} over numbers) writing the rows costs several times what
 * computing them does, and on two cores the two now overlap. One batch is written at a time; a
 * worker whose batch fills while the one before is still being written waits for it, so at most two
 * batches' results are held.
 *
 * <p>A batch also commits once its oldest result has waited {@code interval}, checked by a timer on
 * the same thread as well as on every add: a run of slow nodes, or one killed midway, loses at most
 * that much work, and another process waiting on a claimed node (see {@link WorkClaims}) gets it
 * soon. The claims of a batch's results are released once the batch is committed, never before.
 *
 * <p>A commit that fails is reported by the next {@link #add} or {@link #flush}: a run must not
 * report results as stored that could not be written. Thread-safe.
 */
final class ResultCommitter implements AutoCloseable {
  static final long BATCH_PAYLOAD_BYTES = 32L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(ResultCommitter.class);

  private final ResultStore store;
  private final int batchSize;
  private final long intervalNanos;

  /** Writes every batch, full or timed, one at a time. */
  private final ScheduledExecutorService writer;

  /** The timed commits; they catch their own failures, so this only ever ends by cancellation. */
  private final ScheduledFuture<?> ticks;

  private List<StoredResult> pending;
  private List<WorkClaims.Claim> pendingClaims = new ArrayList<>();
  private long pendingPayload;
  private long oldestPending;

  /** The first failure of a commit not yet reported; guarded by {@code this}. */
  private RuntimeException failure;

  /**
   * Held while a batch is handed to the writer: the hand-off waits for the batch before it, so one
   * full batch at a time is being written while the next fills.
   */
  private final ReentrantLock handOff = new ReentrantLock();

  /** The batch handed to the writer last; guarded by {@link #handOff}. */
  private Future<?> writing = CompletableFuture.completedFuture(null);

  ResultCommitter(ResultStore store, int batchSize, Duration interval) {
    this.store = store;
    this.batchSize = batchSize;
    this.intervalNanos = interval.toNanos();
    this.pending = new ArrayList<>(batchSize);
    this.writer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "voxbeam-commit");
              thread.setDaemon(true);
              return thread;
            });
    long tick = Math.max(1, intervalNanos / 4);
    this.ticks = writer.scheduleWithFixedDelay(this::commitIfDue, tick, tick, TimeUnit.NANOSECONDS);
  }

  void add(StoredResult result) {
    add(result, null);
  }

  /**
   * Adds {@code result}; {@code claim}, if any, is released once it is committed.
   *
   * @throws RuntimeException the store's failure, if a commit since the last report failed
   */
  void add(StoredResult result, WorkClaims.Claim claim) {
    Batch full = null;
    synchronized (this) {
      reportFailure();
      if (append(result, claim, System.nanoTime()) || due()) {
        full = take();
      }
    }
    if (full != null) {
      handOff(full, false);
    }
  }

  /**
   * Adds {@code results}, computed since {@code sinceNanos} ({@link System#nanoTime}) and held
   * until now ({@link HeldItems}): they commit within the interval of that time, not of this one,
   * in batches as full as {@link #add} makes them.
   */
  void addAll(List<StoredResult> results, long sinceNanos) {
    List<Batch> full = new ArrayList<>();
    synchronized (this) {
      reportFailure();
      for (StoredResult result : results) {
        if (append(result, null, sinceNanos)) {
          full.add(take());
        }
      }
      if (due()) {
        full.add(take());
      }
    }
    for (Batch batch : full) {
      handOff(batch, false);
    }
  }

  /** Adds {@code result} to the pending batch; whether that fills it, by count or by payload. */
  private boolean append(StoredResult result, WorkClaims.Claim claim, long computedNanos) {
    if (pending.isEmpty() || computedNanos - oldestPending < 0) {
      oldestPending = computedNanos;
    }
    pending.add(result);
    if (claim != null) {
      pendingClaims.add(claim);
    }
    pendingPayload += result.value().payloadBytes();
    return pending.size() >= batchSize || pendingPayload >= BATCH_PAYLOAD_BYTES;
  }

  /** Whether the pending batch's oldest result has waited the interval. */
  private boolean due() {
    return !pending.isEmpty() && System.nanoTime() - oldestPending >= intervalNanos;
  }

  /**
   * Commits whatever is pending and waits until every batch is written; called once every result
   * has been added. Throws the store's failure if this commit, or one since the last report, could
   * not store its results.
   */
  void flush() {
    Batch rest;
    synchronized (this) {
      rest = take();
    }
    handOff(rest, true);
    synchronized (this) {
      reportFailure();
    }
  }

  /** Waits until the batches handed to the writer so far are written (not those still filling). */
  void awaitCommits() {
    handOff.lock();
    try {
      awaitWriting();
    } finally {
      handOff.unlock();
    }
  }

  /**
   * Hands {@code batch} to the writer once the batch before it is written, and, if {@code wait},
   * waits until it is written too.
   */
  private void handOff(Batch batch, boolean wait) {
    handOff.lock();
    try {
      awaitWriting();
      writing = writer.submit(() -> write(batch));
      if (wait) {
        awaitWriting();
      }
    } finally {
      handOff.unlock();
    }
  }

  /** Waits for the batch handed over last; its failure, if any, is recorded by {@link #write}. */
  private void awaitWriting() {
    boolean interrupted = false;
    while (true) {
      try {
        writing.get();
        break;
      } catch (InterruptedException e) {
        // A batch being written is waited for all the same: its results are computed work.
        interrupted = true;
      } catch (ExecutionException e) {
        throw new IllegalStateException("commit failed: " + e.getCause(), e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitIfDue() {
    Batch due = null;
    synchronized (this) {
      if (due()) {
        due = take();
      }
    }
    if (due != null) {
      write(due);
    }
  }

  /** Writes {@code batch} on the writer's thread, recording a failure for the workers to see. */
  private void write(Batch batch) {
    try {
      if (!batch.results().isEmpty()) {
        store.putAll(batch.results());
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        if (failure == null) {
          failure = e;
        }
      }
      LOG.warn("commit of {} results failed: {}", batch.results().size(), e.getMessage());
    } finally {
      batch.claims().forEach(WorkClaims.Claim::close);
    }
  }

  private void reportFailure() {
    RuntimeException failed = failure;
    if (failed != null) {
      failure = null;
      throw failed;
    }
  }

  private Batch take() {
    Batch batch = new Batch(pending, pendingClaims);
    pending = new ArrayList<>(batchSize);
    pendingClaims = new ArrayList<>();
    pendingPayload = 0;
    return batch;
  }

  /**
   * Stops the timer and waits until the batches handed over, and a timed one being written, are
   * written; what is pending stays pending (call {@link #flush} first).
   */
  @Override
  public void close() {
    ticks.cancel(false);
    writer.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (writer.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private record Batch(List<StoredResult> results, List<WorkClaims.Claim> claims) {}
}
