package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.result;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** The Caffeine cache in front of the store: byte budget, coalesced loads, statistics. */
class StoreCacheTest {
  private static final int VALUE_CHARS = 100_000;

  @TempDir Path dir;

  @Test
  void theCacheStaysWithinItsByteBudget() {
    List<StoredResult> stored = storeLargeStrings(20);
    long budget = 1L << 20;
    try (ParquetResultStore store = open(budget)) {
      for (StoredResult result : stored) {
        assertEquals(result, store.get(result.id()).orElseThrow());
        assertTrue(store.cachedBytes() <= budget, "cache holds " + store.cachedBytes());
      }
      assertTrue(store.cacheStats().evictionCount() > 0);
    }
    try (ParquetResultStore store = open(64L << 20)) {
      stored.forEach(result -> store.get(result.id()));
      assertEquals(0, store.cacheStats().evictionCount());
      assertTrue(store.cachedBytes() >= 20L * VALUE_CHARS, "cache holds " + store.cachedBytes());
    }
  }

  /**
   * The budget is heap, not a count: many small results, as a fan-out's items are cached when they
   * are committed, weigh what they take on the heap, within a factor the JVM's own layout allows.
   */
  @Test
  void smallResultsWeighWhatTheyTakeOnTheHeap() {
    int count = 100_000;
    ChildIds ids = ChildIds.ofSequence(NodeHashing.sha256("a fan-out"));
    long cached;
    long withCache;
    try (ParquetResultStore store = open(1L << 30)) {
      for (int start = 0; start < count; start += 8192) {
        List<StoredResult> batch = new ArrayList<>();
        for (int i = start; i < Math.min(count, start + 8192); i++) {
          batch.add(itemResult(ids.at(i), i));
        }
        store.putAll(batch);
      }
      cached = store.cachedBytes();
      withCache = usedHeapAfterCollection();
    }
    try (ParquetResultStore store = open(1L << 30)) {
      long withoutCache = usedHeapAfterCollection();
      assertEquals(0, store.cachedBytes(), "nothing is read, so nothing is cached");
      double ratio = (double) cached / (withCache - withoutCache);
      assertTrue(
          ratio > 0.7 && ratio < 1.5,
          "the cache counts "
              + cached
              + " bytes for "
              + (withCache - withoutCache)
              + " bytes of heap");
    }
  }

  /** An item's result as a fan-out commits it: a number, its duration, run and item digest. */
  private static StoredResult itemResult(NodeId id, int i) {
    return new StoredResult(
        id,
        new NumberValue(i),
        new ResultMetadata(
            "default.map",
            Duration.ofNanos(1_000 + i),
            Instant.ofEpochMilli(1_700_000_000_000L + i),
            ResultMetadata.CURRENT_ENGINE_VERSION,
            Optional.of("a run"),
            RecordedInputs.of(List.of(RecordedInput.item(NodeHashing.sha256("item " + i).hex())))));
  }

  private static long usedHeapAfterCollection() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void concurrentReadsOfOneIdLoadItOnce() throws Exception {
    StoredResult result = storeLargeStrings(1).get(0);
    try (ParquetResultStore store = open(64L << 20)) {
      int readers = 16;
      ExecutorService pool = Executors.newFixedThreadPool(readers);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Value>> reads = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.get(result.id()).orElseThrow().value();
                }));
      }
      start.countDown();
      for (Future<Value> read : reads) {
        assertEquals(result.value(), read.get());
      }
      pool.shutdown();
      assertEquals(1, store.cacheStats().loadCount());
    }
  }

  @Test
  void hitsAndMissesAreCounted() {
    StoredResult result = storeLargeStrings(1).get(0);
    try (ParquetResultStore store = open(64L << 20)) {
      store.get(result.id());
      CacheStats afterFirst = store.cacheStats();
      store.get(result.id());
      store.get(result.id());
      CacheStats afterThird = store.cacheStats();
      assertEquals(1, afterFirst.loadSuccessCount());
      assertEquals(2, afterThird.hitCount() - afterFirst.hitCount());
      assertEquals(afterFirst.missCount(), afterThird.missCount());
    }
  }

  private List<StoredResult> storeLargeStrings(int count) {
    List<StoredResult> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = Character.toString('a' + i % 26).repeat(VALUE_CHARS) + i;
      results.add(result("large-" + i, new StringValue(text)));
    }
    try (ParquetResultStore store = open(0)) {
      store.putAll(results);
    }
    return results;
  }

  private ParquetResultStore open(long cacheBytes) {
    return ParquetResultStore.open(
        dir.resolve("store"), StoreOptions.defaults().withCacheBytes(cacheBytes));
  }
}
