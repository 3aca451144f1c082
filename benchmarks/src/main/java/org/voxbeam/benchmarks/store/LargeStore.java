package org.voxbeam.benchmarks.store;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoreOptions;

/**
 * A store of {@code rows} number results, written in batches of {@value #BATCH} as the scheduler
 * commits them (so one segment per 1,024 results), for the open and lookup benchmarks. Result
 * {@code i} has the id {@code Results.id(FAMILY, i)}.
 *
 * @param buildNanos how long writing it took, for the record
 */
record LargeStore(Path directory, int rows, long buildNanos) {
  static final String FAMILY = "large";
  static final int BATCH = 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LargeStore.class);

  static LargeStore build(Path directory, int rows) {
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      long nanos =
          Timer.nanos(
              () -> {
                for (int from = 0; from < rows; from += BATCH) {
                  store.putAll(Results.numbers(FAMILY, from, Math.min(BATCH, rows - from)));
                  if (from % (100 * BATCH) == 0) {
                    LOG.info("building a store of {} rows: {} written", rows, from);
                  }
                }
              });
      return new LargeStore(directory, rows, nanos);
    }
  }

  NodeId id(long index) {
    return Results.id(FAMILY, index);
  }

  /** The store's directory of segment files. */
  Path segments() {
    return new StoreLayout(directory).segments();
  }
}
