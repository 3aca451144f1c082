package org.voxbeam.benchmarks.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.benchmarks.Scratch;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.blob.BlobStore;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.SegmentFiles;

/**
 * Commits batches of number results to a fresh store and, as baselines, writes the same rows with a
 * plain Parquet writer ({@link PlainParquetRows}) and as plain binary files ({@link
 * PlainBinaryRows}). Two parts of {@code putAll} are also timed on their own through the store's
 * public segment classes (encoding, segment files), so that the gap can be attributed.
 *
 * <p>The results are built before the clock starts; the sides take turns going first; each sample's
 * files are deleted, untimed, after it.
 */
final class RowBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(RowBenchmark.class);

  private final Scratch scratch;
  private final int repeats;
  private final int rowsPerSample;

  RowBenchmark(Scratch scratch, int repeats, int rowsPerSample) {
    this.scratch = scratch;
    this.repeats = repeats;
    this.rowsPerSample = rowsPerSample;
  }

  /**
   * Measures every batch size. Batches of one commit a file per row, so they get a sample of at
   * most 2,000 rows.
   */
  List<RowMeasurement> run(List<Integer> batchSizes) {
    List<RowMeasurement> measurements = new ArrayList<>();
    for (int batchSize : batchSizes) {
      int rows = Math.min(rowsPerSample, batchSize * 2_000);
      List<List<StoredResult>> batches = batches(batchSize, rows);
      round(batches, 0);
      List<RowRound> rounds = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        RowRound round = round(batches, r);
        LOG.info("batches of {} rows, round {}/{}: {}", batchSize, r + 1, repeats, round);
        rounds.add(round);
      }
      measurements.add(new RowMeasurement(batchSize, batches.size() * batchSize, rounds));
    }
    return measurements;
  }

  private static List<List<StoredResult>> batches(int batchSize, int rows) {
    int count = Math.max(1, rows / batchSize);
    List<List<StoredResult>> batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      batches.add(Results.numbers("rows", (long) b * batchSize, batchSize));
    }
    return batches;
  }

  private RowRound round(List<List<StoredResult>> batches, int round) {
    long[] times = new long[3];
    for (int k = 0; k < 3; k++) {
      int side = (k + round) % 3;
      switch (side) {
        case 0 -> times[0] = store(batches);
        case 1 -> times[1] = files("plain-parquet", batches, true);
        default -> times[2] = files("plain-binary", batches, false);
      }
    }
    Path directory = scratch.newDirectory("segments-only");
    StoreLayout layout = new StoreLayout(directory);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<List<Group>> encoded = new ArrayList<>(batches.size());
    long encode =
        Timer.nanos(
            () -> {
              for (List<StoredResult> batch : batches) {
                List<Group> rows = new ArrayList<>(batch.size());
                for (StoredResult result : batch) {
                  rows.addAll(codec.encode(result));
                }
                encoded.add(rows);
              }
            });
    long segments =
        Timer.nanos(
            () -> {
              for (List<Group> rows : encoded) {
                SegmentFiles.write(layout, rows);
              }
            });
    Scratch.delete(directory);
    return new RowRound(times[0], times[1], times[2], encode, segments);
  }

  private long files(String purpose, List<List<StoredResult>> batches, boolean parquet) {
    Path directory = scratch.newDirectory(purpose);
    long elapsed =
        Timer.nanos(
            () -> {
              for (int b = 0; b < batches.size(); b++) {
                Path target = directory.resolve("batch-" + b);
                if (parquet) {
                  PlainParquetRows.write(target, batches.get(b));
                } else {
                  PlainBinaryRows.write(target, batches.get(b));
                }
              }
            });
    Scratch.delete(directory);
    return elapsed;
  }

  private long store(List<List<StoredResult>> batches) {
    Path directory = scratch.newDirectory("row-store");
    long elapsed;
    try (ParquetResultStore store = ParquetResultStore.open(directory, StoreOptions.defaults())) {
      elapsed =
          Timer.nanos(
              () -> {
                for (List<StoredResult> batch : batches) {
                  store.putAll(batch);
                }
              });
    }
    Scratch.delete(directory);
    return elapsed;
  }
}
