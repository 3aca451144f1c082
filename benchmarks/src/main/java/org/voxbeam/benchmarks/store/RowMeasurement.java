package org.voxbeam.benchmarks.store;

import java.util.List;
import java.util.function.ToLongFunction;
import org.voxbeam.benchmarks.Distribution;

/** Row commits at one batch size, over all rounds; every sample commits {@code rows} rows. */
record RowMeasurement(int batchSize, int rows, List<RowRound> rounds) {
  Distribution rowsPerSecond(ToLongFunction<RowRound> part) {
    return Distribution.of(
        rounds.stream().mapToDouble(round -> rows / (part.applyAsLong(round) / 1e9)).toArray());
  }

  Distribution microsPerRow(ToLongFunction<RowRound> part) {
    return Distribution.of(
        rounds.stream().mapToDouble(round -> part.applyAsLong(round) / 1e3 / rows).toArray());
  }

  /** The store's throughput over that of {@code baseline}, round by round. */
  Distribution storeOver(ToLongFunction<RowRound> baseline) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(round -> (double) baseline.applyAsLong(round) / round.store())
            .toArray());
  }
}
