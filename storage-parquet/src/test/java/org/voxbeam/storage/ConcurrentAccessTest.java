package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.maintenance.StoreMaintenance;

/** Many threads of one process put and read overlapping results through one store instance. */
class ConcurrentAccessTest {
  @TempDir Path dir;

  @Test
  void threadsShareOneStoreInstance() throws Exception {
    int threads = 8;
    int batches = 20;
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < batches; b++) {
                    List<StoredResult> batch = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                      String name = (i % 2 == 0 ? "shared" : "t" + thread) + "-" + b + "-" + i;
                      batch.add(
                          StoredValues.result(
                              WriterProcess.idOf(name), WriterProcess.valueOf(name)));
                    }
                    store.putAll(batch);
                    for (StoredResult result : batch) {
                      SameValue.assertSame(
                          result.value(), store.get(result.id()).orElseThrow().value());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get();
      }
      pool.shutdown();
      int expected = batches * 10 + threads * batches * 10;
      StoreStats stats = store.stats();
      // Half the sequence rows are the inner sequences, items of the other half.
      long sequenceItems = 2 * (stats.countsByType().getOrDefault("sequence", 0L) / 2);
      assertEquals(
          expected, stats.results() - sequenceItems, "each sequence also stores its two items");
      assertTrue(store.cacheStats().hitCount() > 0);
    }
  }

  /**
   * Readers load results while the index is rebuilt (as after a compaction) and ids are indexed
   * twice (a newer row supersedes), so a rebuild finds cached results to drop while readers hold
   * those cache entries: dropping them under the store's lock deadlocked against a reader waiting
   * for it (a server's reads against the compaction at the end of a run).
   */
  @Test
  void readsRacingReindexesNeverDeadlock() throws Exception {
    int ids = 200;
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      List<NodeId> stored = new ArrayList<>();
      for (int version = 0; version < 2; version++) {
        List<StoredResult> batch = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
          NodeId id = WriterProcess.idOf("twice-" + i);
          batch.add(StoredValues.result(id, new NumberValue(version * ids + i)));
          if (version == 0) {
            stored.add(id);
          }
        }
        store.putAll(batch);
      }
      readWhile(store, stored, i -> ids + i, Duration.ofSeconds(3), store::reindex);
    }
  }

  /**
   * Readers find every stored result while runs commit segments and compactions merge them: a
   * compaction renumbers the segments, and a reader that took a row's location from the catalog
   * before it and the segment from the catalog after it answered "not found" for a stored result (a
   * server's reads answered 404 under load).
   */
  @Test
  void readsRacingCompactionsFindEveryStoredResult() throws Exception {
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      List<NodeId> stored = new ArrayList<>();
      for (int segment = 0; segment < 20; segment++) {
        List<StoredResult> batch = new ArrayList<>();
        for (int i = segment * 10; i < segment * 10 + 10; i++) {
          NodeId id = WriterProcess.idOf("compacted-" + i);
          batch.add(StoredValues.result(id, new NumberValue(i)));
          stored.add(id);
        }
        store.putAll(batch);
      }
      StoreMaintenance maintenance = new StoreMaintenance(store);
      AtomicInteger runs = new AtomicInteger();
      readWhile(
          store,
          stored,
          i -> i,
          Duration.ofSeconds(2),
          () -> {
            int run = runs.getAndIncrement();
            for (int k = 0; k < 3; k++) {
              NodeId id = WriterProcess.idOf("run-" + run + "-" + k);
              store.putAll(List.of(StoredValues.result(id, new NumberValue(k))));
            }
            maintenance.compact(StoreMaintenance.DEFAULT_SMALL_ROWS, false);
          });
    }
  }

  /**
   * Four readers read {@code stored} round and round, each expecting {@code expected} of an id's
   * index, while another thread repeats {@code disturbance} for {@code length}; every read must
   * find its result, and all must end within a minute (a deadlock fails the test, not the build).
   */
  private static void readWhile(
      ParquetResultStore store,
      List<NodeId> stored,
      IntToDoubleFunction expected,
      Duration length,
      Runnable disturbance) {
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          List<Future<?>> readers = new ArrayList<>();
          for (int t = 0; t < 4; t++) {
            int offset = t * 37;
            readers.add(
                pool.submit(
                    () -> {
                      for (int n = 0; !done.get(); n++) {
                        int i = (offset + n) % stored.size();
                        StoredResult result =
                            store.get(stored.get(i)).orElseThrow(() -> new AssertionError(i));
                        assertEquals(
                            expected.applyAsDouble(i),
                            ((NumberValue) result.value()).value(),
                            "the stored value of " + i);
                      }
                      return null;
                    }));
          }
          Future<?> disturbing =
              pool.submit(
                  () -> {
                    long end = System.nanoTime() + length.toNanos();
                    while (System.nanoTime() < end) {
                      disturbance.run();
                    }
                    done.set(true);
                    return null;
                  });
          disturbing.get();
          for (Future<?> reader : readers) {
            reader.get();
          }
        });
    pool.shutdownNow();
  }
}
