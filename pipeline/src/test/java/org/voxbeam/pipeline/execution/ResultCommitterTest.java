package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/**
 * Batches close at a number of results or at an amount of payload, whichever comes first: a batch
 * holds its values until it commits, so a count alone would let large volumes pile up on the heap.
 * Full batches are written on the committer's thread; the tests wait for it before they look.
 */
class ResultCommitterTest {
  private static final long MB = 1 << 20;
  private static final Duration HOUR = Duration.ofHours(1);

  /** A blob that only declares its size; the committer never reads content. */
  private record SizedBlob(long size) implements Blob {
    @Override
    public InputStream open() {
      return InputStream.nullInputStream();
    }
  }

  private static StoredResult result(int i, Value value) {
    return new StoredResult(
        NodeHashing.sha256("r" + i),
        value,
        new ResultMetadata("test.op", Duration.ZERO, Instant.EPOCH, "test"));
  }

  @Test
  void largePayloadsCommitAsSoonAsTheyAddUpTo32Megabytes() {
    RecordingStore store = new RecordingStore();
    ResultCommitter committer = new ResultCommitter(store, 1024, HOUR);
    for (int i = 0; i < 5; i++) {
      committer.add(result(i, new BytesValue(new SizedBlob(20 * MB))));
    }
    committer.awaitCommits();
    assertEquals(List.of(2, 2), store.batches);
    committer.flush();
    assertEquals(List.of(2, 2, 1), store.batches);
  }

  @Test
  void payloadsInsideSequencesCount() {
    RecordingStore store = new RecordingStore();
    ResultCommitter committer = new ResultCommitter(store, 1024, HOUR);
    committer.add(result(0, new SequenceValue(List.of(new BytesValue(new SizedBlob(40 * MB))))));
    committer.awaitCommits();
    assertEquals(List.of(1), store.batches);
  }

  @Test
  void smallResultsStillCommitByCount() {
    RecordingStore store = new RecordingStore();
    ResultCommitter committer = new ResultCommitter(store, 3, HOUR);
    for (int i = 0; i < 7; i++) {
      committer.add(result(i, new NumberValue(i)));
    }
    committer.awaitCommits();
    assertEquals(List.of(3, 3), store.batches);
  }

  @Test
  void aBatchCommitsOnceItsOldestResultHasWaitedTheInterval() throws InterruptedException {
    RecordingStore store = new RecordingStore();
    try (ResultCommitter committer = new ResultCommitter(store, 1024, Duration.ofMillis(200))) {
      committer.add(result(0, new NumberValue(0)));
      committer.add(result(1, new NumberValue(1)));
      assertEquals(List.of(), store.batches);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.batches.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of(2), store.batches, "the timer committed without another add");
    }
  }

  @Test
  void heldResultsCommitWithinTheIntervalOfWhenTheyWereComputed() {
    RecordingStore store = new RecordingStore();
    Duration interval = Duration.ofSeconds(30);
    try (ResultCommitter committer = new ResultCommitter(store, 1024, interval)) {
      committer.addAll(
          List.of(result(0, new NumberValue(0)), result(1, new NumberValue(1))),
          System.nanoTime() - interval.toNanos());
      committer.awaitCommits();
      assertEquals(List.of(2), store.batches, "held since an interval ago: committed at once");
      committer.addAll(List.of(result(2, new NumberValue(2))), System.nanoTime());
      committer.awaitCommits();
      assertEquals(List.of(2), store.batches, "held since now: it waits for its interval");
    }
  }

  /** A full disk under the timer: the run learns of it at its flush, not from a log line. */
  @Test
  void aTimedCommitThatFailsIsReportedByTheNextFlush() throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    RecordingStore store =
        new RecordingStore() {
          @Override
          public void putAll(Collection<StoredResult> results) {
            attempts.incrementAndGet();
            throw new IllegalStateException("cannot write blob: No space left on device");
          }
        };
    try (ResultCommitter committer = new ResultCommitter(store, 1024, Duration.ofMillis(100))) {
      committer.add(result(0, new NumberValue(0)));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (attempts.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, attempts.get(), "the timer tried to commit");
      IllegalStateException failure = assertThrows(IllegalStateException.class, committer::flush);
      assertEquals("cannot write blob: No space left on device", failure.getMessage());
      committer.flush();
    }
  }

  @Test
  void claimsAreReleasedOnlyOnceTheirResultIsCommitted() {
    RecordingStore store = new RecordingStore();
    List<String> events = new ArrayList<>();
    try (ResultCommitter committer = new ResultCommitter(store, 2, HOUR)) {
      committer.add(
          result(0, new NumberValue(0)), () -> events.add("released with " + store.batches));
      assertEquals(List.of(), events);
      committer.add(result(1, new NumberValue(1)));
      committer.awaitCommits();
      assertEquals(List.of("released with [2]"), events);
    }
  }

  /**
   * The worker whose result fills a batch goes on while the batch is written; one whose batch fills
   * while the one before is still being written waits for it.
   */
  @Test
  void fullBatchesAreWrittenWhileTheWorkersGoOnAndOneAtATime() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingStore store =
        new RecordingStore() {
          @Override
          public void putAll(Collection<StoredResult> results) {
            writing.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.putAll(results);
          }
        };
    try (ResultCommitter committer = new ResultCommitter(store, 2, HOUR)) {
      committer.add(result(0, new NumberValue(0)));
      committer.add(result(1, new NumberValue(1)));
      assertTrue(writing.await(10, TimeUnit.SECONDS), "the first batch is being written");
      committer.add(result(2, new NumberValue(2)));
      CompletableFuture<Void> secondFull =
          CompletableFuture.runAsync(() -> committer.add(result(3, new NumberValue(3))));
      Thread.sleep(200);
      assertFalse(secondFull.isDone(), "the second full batch waits for the first");
      release.countDown();
      secondFull.get(10, TimeUnit.SECONDS);
      committer.flush();
      assertEquals(List.of(2, 2), store.batches);
    }
  }

  /** A failed commit of a full batch stops the run at its next add, not only at its flush. */
  @Test
  void aFullBatchThatFailsIsReportedByTheNextAdd() {
    RecordingStore store =
        new RecordingStore() {
          @Override
          public void putAll(Collection<StoredResult> results) {
            throw new IllegalStateException("cannot write segment: No space left on device");
          }
        };
    try (ResultCommitter committer = new ResultCommitter(store, 1, HOUR)) {
      committer.add(result(0, new NumberValue(0)));
      committer.awaitCommits();
      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class, () -> committer.add(result(1, new NumberValue(1))));
      assertEquals("cannot write segment: No space left on device", failure.getMessage());
    }
  }
}
