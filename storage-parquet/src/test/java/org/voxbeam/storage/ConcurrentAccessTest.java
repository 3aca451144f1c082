package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;

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
}
