package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * Point-lookup latency on the large store, against a {@link HashMap} holding the same results. Each
 * lookup is timed on its own with {@link System#nanoTime()} (which adds a few tens of nanoseconds
 * to every figure, baseline included); ids are computed before the clock starts.
 *
 * <p>Every round opens the store afresh (untimed), so "first read" lookups find nothing in the
 * store's caches and decode the row's segment, as the first lookups of a program do; looking the
 * same ids up again measures the result cache. Absent ids are looked up with {@code contains}, as
 * the scheduler's planning asks. One untimed round warms up the JIT.
 */
final class LookupBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(LookupBenchmark.class);

  /** The store re-lists its segments while their directory changed less than this long ago. */
  private static final long SETTLE_MILLIS = 2_500;

  private final LargeStore large;
  private final int lookups;
  private final int firstReads;
  private final Map<NodeId, StoredResult> baseline;

  /**
   * @param lookups lookups per kind and round
   * @param firstReads "first read" lookups per round, which each may decode a segment
   */
  LookupBenchmark(LargeStore large, int lookups, int firstReads) {
    this.large = large;
    this.lookups = lookups;
    this.firstReads = firstReads;
    this.baseline = new HashMap<>(large.rows() * 2);
    for (int i = 0; i < large.rows(); i++) {
      StoredResult result = Results.number(LargeStore.FAMILY, i);
      baseline.put(result.id(), result);
    }
  }

  List<Map<LookupKind, Latency>> run(int repeats) {
    waitForSettledDirectory();
    round(repeats);
    List<Map<LookupKind, Latency>> rounds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      Map<LookupKind, Latency> round = round(r);
      LOG.info("lookups, round {}/{}: {}", r + 1, repeats, round);
      rounds.add(round);
    }
    return rounds;
  }

  private Map<LookupKind, Latency> round(int round) {
    SplittableRandom random = new SplittableRandom(round);
    List<NodeId> present = new ArrayList<>(lookups);
    List<NodeId> absent = new ArrayList<>(lookups);
    for (int i = 0; i < lookups; i++) {
      present.add(large.id(random.nextInt(large.rows())));
      absent.add(Results.id("absent", random.nextLong()));
    }
    List<NodeId> first = present.subList(0, Math.min(firstReads, lookups));
    Map<LookupKind, Latency> latencies = new EnumMap<>(LookupKind.class);
    try (ParquetResultStore store =
        ParquetResultStore.open(large.directory(), StoreOptions.defaults())) {
      latencies.put(
          LookupKind.STORE_PRESENT_FIRST, time(first, id -> store.get(id).isPresent(), true));
      latencies.put(
          LookupKind.STORE_PRESENT_CACHED, time(first, id -> store.get(id).isPresent(), true));
      latencies.put(LookupKind.STORE_ABSENT, time(absent, store::contains, false));
    }
    latencies.put(LookupKind.MAP_PRESENT, time(present, id -> baseline.get(id) != null, true));
    latencies.put(LookupKind.MAP_ABSENT, time(absent, id -> baseline.get(id) != null, false));
    return latencies;
  }

  private static Latency time(List<NodeId> ids, Predicate<NodeId> lookup, boolean expected) {
    long[] nanos = new long[ids.size()];
    for (int i = 0; i < nanos.length; i++) {
      NodeId id = ids.get(i);
      long began = System.nanoTime();
      boolean found = lookup.test(id);
      nanos[i] = System.nanoTime() - began;
      if (found != expected) {
        throw new IllegalStateException(
            "lookup of " + id + " found " + found + ", expected " + expected);
      }
    }
    return Latency.of(nanos);
  }

  /**
   * Waits until the segment directory is older than the store's re-listing window, as it is for a
   * store nobody is writing; otherwise every absent lookup would list the directory.
   */
  private void waitForSettledDirectory() {
    try {
      long age =
          System.currentTimeMillis() - Files.getLastModifiedTime(large.segments()).toMillis();
      if (age < SETTLE_MILLIS) {
        Thread.sleep(SETTLE_MILLIS - age);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
