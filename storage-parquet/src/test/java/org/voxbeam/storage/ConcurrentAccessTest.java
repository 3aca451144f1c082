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
      long sequenceItems = 2 * stats.countsByType().getOrDefault("sequence", 0L);
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
                          int i = (offset + n) % ids;
                          double value =
                              ((NumberValue) store.get(stored.get(i)).orElseThrow().value())
                                  .value();
                          assertEquals(ids + i, value, "the newer row of " + i);
                        }
                        return null;
                      }));
            }
            Future<?> rebuilds =
                pool.submit(
                    () -> {
                      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                      while (System.nanoTime() < end) {
                        store.reindex();
                      }
                      done.set(true);
                      return null;
                    });
            rebuilds.get();
            for (Future<?> reader : readers) {
              reader.get();
            }
          });
      pool.shutdownNow();
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
    int ids = 200;
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
                          int i = (offset + n) % ids;
                          StoredResult result =
                              store.get(stored.get(i)).orElseThrow(() -> new AssertionError(i));
                          assertEquals(i, ((NumberValue) result.value()).value());
                        }
                        return null;
                      }));
            }
            Future<?> runs =
                pool.submit(
                    () -> {
                      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                      for (int run = 0; System.nanoTime() < end; run++) {
                        for (int k = 0; k < 3; k++) {
                          NodeId id = WriterProcess.idOf("run-" + run + "-" + k);
                          store.putAll(List.of(StoredValues.result(id, new NumberValue(k))));
                        }
                        maintenance.compact(StoreMaintenance.DEFAULT_SMALL_ROWS, false);
                      }
                      done.set(true);
                      return null;
                    });
            runs.get();
            for (Future<?> reader : readers) {
              reader.get();
            }
          });
      pool.shutdownNow();
    }
  }
}
