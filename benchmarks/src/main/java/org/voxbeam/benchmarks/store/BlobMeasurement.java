package org.voxbeam.benchmarks.store;

import java.util.List;
import java.util.function.ToLongFunction;
import org.voxbeam.benchmarks.Distribution;

/**
 * Blob throughput at one blob size, over all rounds; every sample moves {@code blobs} blobs of
 * {@code blobBytes} each.
 */
record BlobMeasurement(long blobBytes, int blobs, List<BlobRound> rounds) {
  private static final double MEGABYTE = 1024.0 * 1024.0;

  /** Throughput of one part, in MiB/s. */
  Distribution megabytesPerSecond(ToLongFunction<BlobRound> part) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(
                round -> blobBytes * (double) blobs / MEGABYTE / (part.applyAsLong(round) / 1e9))
            .toArray());
  }

  /** The throughput of {@code part} over that of {@code baseline}, round by round. */
  Distribution throughputRatio(ToLongFunction<BlobRound> part, ToLongFunction<BlobRound> baseline) {
    return Distribution.of(
        rounds.stream()
            .mapToDouble(round -> (double) baseline.applyAsLong(round) / part.applyAsLong(round))
            .toArray());
  }
}
