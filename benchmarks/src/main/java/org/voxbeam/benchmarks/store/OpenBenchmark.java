package org.voxbeam.benchmarks.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.benchmarks.HeapProbe;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreOptions;

/**
 * Time and retained heap to open a large store, against building a plain id index over the same
 * segment files ({@link PlainIdIndex}). The two sides take turns going first; one untimed round of
 * each warms up the JIT (and the page cache, so both sides read files from memory).
 */
final class OpenBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBenchmark.class);

  private final LargeStore large;
  private final HeapProbe heap = new HeapProbe();

  OpenBenchmark(LargeStore large) {
    this.large = large;
  }

  List<OpenRound> run(int repeats) {
    round(0);
    List<OpenRound> rounds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      OpenRound round = round(r);
      LOG.info("open of {} rows, round {}/{}: {}", large.rows(), r + 1, repeats, round);
      rounds.add(round);
    }
    return rounds;
  }

  private OpenRound round(int round) {
    long[] store = new long[2];
    long[] baseline = new long[2];
    for (int k = 0; k < 2; k++) {
      if ((k + round) % 2 == 0) {
        store = openStore();
      } else {
        baseline = readBaseline();
      }
    }
    return new OpenRound(store[0], store[1], baseline[0], baseline[1]);
  }

  /** Nanoseconds and retained bytes of an open store. */
  private long[] openStore() {
    long before = heap.usedAfterGc();
    long began = System.nanoTime();
    ParquetResultStore store = ParquetResultStore.open(large.directory(), StoreOptions.defaults());
    long nanos = System.nanoTime() - began;
    long retained = heap.usedAfterGc() - before;
    if (store.indexedResults() != large.rows()) {
      throw new IllegalStateException(
          "store indexed " + store.indexedResults() + " of " + large.rows() + " rows");
    }
    store.close();
    return new long[] {nanos, retained};
  }

  /** Nanoseconds and retained bytes of the plain index. */
  private long[] readBaseline() {
    long before = heap.usedAfterGc();
    long began = System.nanoTime();
    Map<String, Integer> index;
    try {
      index = PlainIdIndex.read(large.segments());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long nanos = System.nanoTime() - began;
    long retained = heap.usedAfterGc() - before;
    if (index.size() != large.rows()) {
      throw new IllegalStateException(
          "plain index holds " + index.size() + " of " + large.rows() + " ids");
    }
    return new long[] {nanos, retained};
  }
}
